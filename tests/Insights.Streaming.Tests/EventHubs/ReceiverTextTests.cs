namespace Insights.Streaming.Tests.EventHubs;

using System.Text;
using Insights.Streaming.EventHubs;
using Insights.Streaming.Tests.EventHubs.Support;

/// <summary>
/// Messages whose text is not well-formed (bytes that are not UTF-8, escaped lone surrogates) are poison like any
/// other: quarantined with the reason, never an exception that fails the read and holds the partition back.
/// </summary>
public class ReceiverTextTests
{
    private const int P = ReceiverHarness.Partition;

    [Fact]
    public async Task Invalid_utf8_and_lone_surrogates_are_quarantined_and_the_partition_reads_on()
    {
        await using var h = await ReceiverHarness.StartAsync();
        h.Append("A", Wire.Comment("A", "c1"));
        var notUtf8 = Encoding.UTF8.GetBytes("""{"type":"comment","id":"c2","video_id":"A","text":"caf""")
            .Concat(new byte[] { 0xC3, 0x28 })
            .Concat(Encoding.UTF8.GetBytes("\",\"create_time\":" + Wire.At(1) + "}"))
            .ToArray();
        h.Hub.Append(P, EventHubsMessageFormat.Key("A"), notUtf8);
        h.Append("A", $$"""{"type":"comment","id":"c3","video_id":"A","text":"a\ud800","create_time":{{Wire.At(1)}}}""");
        h.Append("A", $$"""{"type":"comment","id":"c4","video_id":"A","text":"fine","create_time":{{Wire.At(1)}},"\udc00":1}""");
        h.Append("A", Wire.Comment("A", "c5"));

        var read = await h.ReadAsync();

        Assert.Equal([0L, 4], Assert.Single(read).Offsets);
        var quarantined = await h.Lake.FlushedQuarantineAsync();
        Assert.Equal(3, quarantined.Count);
        var bytes = Assert.Single(quarantined, q => q.Reason == "The message is not valid UTF-8.");
        Assert.Contains("caf\uFFFD(", bytes.PayloadText);
        Assert.Single(quarantined, q => q.Reason.StartsWith("text: contains a lone surrogate", StringComparison.Ordinal) && q.Id == "c3");
        Assert.Single(quarantined, q => q.Reason.StartsWith("a field name contains a lone surrogate", StringComparison.Ordinal));
    }
}
