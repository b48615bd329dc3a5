namespace Insights.Benchmarks.Tests.Durable;

using System.Text;
using Azure.Messaging.EventHubs;
using Insights.Benchmarks.Durable;

/// <summary>The in-process hub keeps each key's events in one partition, in order, and its receiver reads like the AMQP one.</summary>
public sealed class InProcessEventHubTests
{
    private static EventData Sent(string body) => new(Encoding.UTF8.GetBytes(body)) { Properties = { ["kind"] = "test" } };

    [Fact]
    public async Task A_keys_events_stay_in_one_partition_in_order_with_the_brokers_positions()
    {
        var hub = new InProcessEventHub(4);
        for (var i = 0; i < 20; i++)
        {
            hub.Send("video-" + (i % 5), Sent("e" + i));
        }

        var seen = new List<EventData>();
        for (var p = 0; p < hub.PartitionCount; p++)
        {
            var events = (await new InProcessPartitionReceiver(hub["partition-" + p], "-1").ReceiveAsync(100, TimeSpan.Zero, CancellationToken.None)).ToList();
            Assert.Equal(Enumerable.Range(0, events.Count).Select(n => (long)n), events.Select(e => e.SequenceNumber));
            Assert.All(events, e => Assert.Equal(e.SequenceNumber.ToString(System.Globalization.CultureInfo.InvariantCulture), e.OffsetString));
            Assert.All(events.GroupBy(e => e.PartitionKey), g => Assert.Equal(4, g.Count()));
            seen.AddRange(events);
        }

        Assert.Equal(20, seen.Count);
        Assert.Equal(20, hub.Count);
        Assert.All(seen, e => Assert.Equal("test", e.Properties["kind"]));
        var video3 = seen.Where(e => e.PartitionKey == "video-3").Select(e => e.EventBody.ToString());
        Assert.Equal(["e3", "e8", "e13", "e18"], video3);
    }

    [Fact]
    public async Task The_receiver_answers_as_soon_as_an_event_arrives_reads_on_from_there_and_starts_at_a_checkpoint()
    {
        var hub = new InProcessEventHub(1);
        var receiver = new InProcessPartitionReceiver(hub["partition-0"], "-1");

        Assert.Empty(await receiver.ReceiveAsync(10, TimeSpan.FromMilliseconds(10), CancellationToken.None));
        var waiting = receiver.ReceiveAsync(10, TimeSpan.FromMinutes(5), CancellationToken.None);
        hub.Send("k", Sent("first"));
        var first = await waiting.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal("first", Assert.Single(first).EventBody.ToString());

        hub.Send("k", Sent("second"));
        hub.Send("k", Sent("third"));
        Assert.Equal(["second", "third"], (await receiver.ReceiveAsync(10, TimeSpan.Zero, CancellationToken.None)).Select(e => e.EventBody.ToString()));

        var fromCheckpoint = new InProcessPartitionReceiver(hub["partition-0"], "1");
        Assert.Equal(["second", "third"], (await fromCheckpoint.ReceiveAsync(10, TimeSpan.Zero, CancellationToken.None)).Select(e => e.EventBody.ToString()));
    }
}
