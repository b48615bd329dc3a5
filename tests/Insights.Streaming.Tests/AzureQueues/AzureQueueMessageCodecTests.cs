namespace Insights.Streaming.Tests.AzureQueues;

using Insights.Streaming.AzureQueues;
using Insights.Streaming.Tests.Support;
using Orleans.Runtime;

public sealed class AzureQueueMessageCodecTests
{
    private static readonly StreamId Stream = StreamId.Create("test-ns", "codec");

    [Fact]
    public void Events_of_uneven_sizes_are_packed_in_messages_under_the_limit_in_their_order()
    {
        const int limit = 4096;
        var codec = new AzureQueueMessageCodec(TestSerialization.Serializer, limit);
        var events = Enumerable.Range(0, 200)
            .Select(i => new TestEvent { Stream = "codec", Sequence = i, Text = new string('x', i % 7 == 0 ? 1500 : 20) })
            .ToList();

        var texts = codec.Encode(Stream, events.Cast<object>().ToList(), null);

        Assert.True(texts.Count > 1);
        Assert.All(texts, t => Assert.True(Convert.FromBase64String(t).Length <= limit));
        var decoded = texts.Select(t => Assert.IsType<AzureQueueBatchContainer>(Decode(codec, t))).ToList();
        Assert.All(decoded, c => Assert.Equal(Stream, c.StreamId));
        Assert.Equal(events, decoded.SelectMany(c => c.Events.Cast<TestEvent>()));
    }

    [Fact]
    public void A_batch_that_fits_is_one_message()
    {
        var codec = new AzureQueueMessageCodec(TestSerialization.Serializer);
        var events = TestEvent.Range("codec", 0, 50).Cast<object>().ToList();

        var text = Assert.Single(codec.Encode(Stream, events, new Dictionary<string, object> { ["trace"] = "t-1" }));

        Assert.Equal(events, Decode(codec, text)!.Events);
    }

    [Theory]
    [InlineData("not base64!", "not base64")]
    [InlineData("", "not base64")]
    [InlineData("3q2+7wECAwQ=", "Exception")]
    public void Text_that_is_not_a_batch_is_refused_with_the_reason(string text, string reason)
    {
        var codec = new AzureQueueMessageCodec(TestSerialization.Serializer);

        Assert.False(codec.TryDecode(text, out var container, out var error));

        Assert.Null(container);
        Assert.Contains(reason, error);
    }

    private static AzureQueueBatchContainer? Decode(AzureQueueMessageCodec codec, string text)
    {
        Assert.True(codec.TryDecode(text, out var container, out var error), error);
        return container;
    }
}
