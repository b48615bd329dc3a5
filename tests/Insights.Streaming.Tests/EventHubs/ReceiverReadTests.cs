namespace Insights.Streaming.Tests.EventHubs;

using System.Text;
using Confluent.Kafka;
using Insights.Events;
using Insights.Streaming.EventHubs;
using Insights.Streaming.Tests.EventHubs.Support;

/// <summary>How a partition's receiver reads: grouping, limits, poison, the raw zone, errors.</summary>
public class ReceiverReadTests
{
    private const int P = ReceiverHarness.Partition;

    [Fact]
    public async Task A_read_becomes_one_container_per_video_each_in_partition_order()
    {
        await using var h = await ReceiverHarness.StartAsync();
        h.Append("A", Wire.Comment("A", "c1"));
        h.Append("B", Wire.Comment("B", "c2"));
        h.Append("A", Wire.Engagement("A", 10));
        h.Append("A", Wire.Comment("A", "c3"));
        h.Append("C", Wire.Video("C"));
        h.Append("B", Wire.Engagement("B", 5));

        var read = await h.ReadAsync();

        Assert.Equal(["A", "B", "C"], read.Select(c => c.StreamId.GetKeyAsString()));
        Assert.All(read, c => Assert.Equal(StreamNames.VideoNamespace, c.StreamId.GetNamespace()));
        Assert.All(read, c => Assert.Equal(P, c.Partition));
        Assert.Equal([0L, 2, 3], read[0].Offsets);
        Assert.Equal([1L, 5], read[1].Offsets);
        Assert.Equal([4L], read[2].Offsets);
        Assert.Equal(["c1", "engagement", "c3"], read[0].Events.Select(e => e is CommentPosted c ? c.CommentId : "engagement"));
        Assert.IsType<VideoPublished>(Assert.Single(read[2].Events));
        Assert.All(read.SelectMany(c => c.Events), e => Assert.Equal(Wire.Now, e.IngestedAt));

        // The cache keeps containers in token order; events carry their index within the container.
        Assert.Equal([0L, 1, 4], read.Select(c => c.SequenceToken.SequenceNumber));
        var tokens = read[0].GetEvents<VideoStreamEvent>().Select(t => (t.Item2.SequenceNumber, t.Item2.EventIndex)).ToList();
        Assert.Equal([(0L, 0), (0L, 1), (0L, 2)], tokens);
    }

    [Fact]
    public async Task Consecutive_events_of_one_video_travel_in_one_container()
    {
        await using var h = await ReceiverHarness.StartAsync();
        for (var i = 0; i < 5; i++)
        {
            h.Append("A", Wire.Comment("A", "c" + i));
        }

        var container = Assert.Single(await h.ReadAsync());

        Assert.Equal(5, container.Events.Count);
        Assert.Equal([0L, 1, 2, 3, 4], container.Offsets);
    }

    [Fact]
    public async Task A_read_takes_at_most_MaxMessagesPerRead_messages()
    {
        await using var h = await ReceiverHarness.StartAsync(o => o.MaxMessagesPerRead = 3);
        for (var i = 0; i < 7; i++)
        {
            h.Append("v" + i, Wire.Comment("v" + i, "c" + i));
        }

        Assert.Equal(3, (await h.ReadAsync()).Count);
        Assert.Equal(3, (await h.ReadAsync()).Count);
        Assert.Equal(new long[] { 6 }, Assert.Single(await h.ReadAsync()).Offsets);
        Assert.Empty(await h.ReadAsync());
    }

    [Fact]
    public async Task A_read_returns_no_more_containers_than_the_cache_has_room_for()
    {
        await using var h = await ReceiverHarness.StartAsync();
        h.Append("A", Wire.Comment("A", "c1"));
        h.Append("B", Wire.Comment("B", "c2"));
        h.Append("C", Wire.Comment("C", "c3"));

        Assert.Equal(["A", "B"], (await h.ReadAsync(maxCount: 2)).Select(c => c.StreamId.GetKeyAsString()));
        Assert.Equal(["C"], (await h.ReadAsync(maxCount: 2)).Select(c => c.StreamId.GetKeyAsString()));
    }

    [Fact]
    public async Task Poison_goes_to_quarantine_with_its_reason_and_never_blocks_what_follows()
    {
        await using var h = await ReceiverHarness.StartAsync();
        h.Append("A", Wire.Comment("A", "c1"));
        h.Append("A", "{not json");
        h.Append("A", $$"""{"type":"comment","id":"c9","video_id":"A","create_time":{{Wire.At(1)}}}""");
        h.Append("B", Wire.Comment("A", "c4"));
        h.Hub.Append(P, (byte[]?)null, null);
        h.Append("A", Wire.Comment("A", "c5"));
        h.Hub.Append(P, null, Encoding.UTF8.GetBytes(Wire.Comment("D", "c6")));

        var read = await h.ReadAsync();

        Assert.Equal(["A", "D"], read.Select(c => c.StreamId.GetKeyAsString()));
        Assert.Equal([0L, 5], read[0].Offsets);
        Assert.Equal([6L], read[1].Offsets);
        Assert.Equal(3, h.Receiver.Checkpoint!.Pending); // 0, 5 and 6 wait for delivery; the poison offsets are done

        var quarantined = await h.Lake.FlushedQuarantineAsync();
        Assert.Equal(4, quarantined.Count);
        Assert.All(quarantined, q => Assert.Equal(("eventhubs", "ingest"), (q.Source, q.Stage)));
        Assert.All(quarantined, q => Assert.StartsWith("q-", q.QuarantineId));
        var json = Assert.Single(quarantined, q => q.Reason.StartsWith("The message is not valid JSON", StringComparison.Ordinal));
        Assert.Equal("{not json", json.PayloadText);
        var invalid = Assert.Single(quarantined, q => q.Reason == "text: required");
        Assert.Equal(("comment", "c9"), (invalid.Type, invalid.Id));
        Assert.Contains("\"id\":\"c9\"", invalid.Payload!.Value.Text);
        var wrongKey = Assert.Single(quarantined, q => q.Reason == "key: 'B' is not the event's video id 'A'");
        Assert.Equal("c4", wrongKey.Id);
        Assert.Single(quarantined, q => q.Reason.Contains("no value", StringComparison.Ordinal));

        // Once the good events are delivered, the commit passes the poison.
        h.Clock.Advance(h.Options.CommitInterval);
        await h.DeliveredAsync([.. read]);
        Assert.Equal((P, 7L), h.Hub.Commits.Last());
    }

    [Fact]
    public async Task Valid_events_land_verbatim_in_the_raw_zone_with_partition_and_offset_unless_the_api_landed_them()
    {
        await using var h = await ReceiverHarness.StartAsync();
        var first = Wire.Comment("A", "c1", text: "caf\u00e9 \\u00e9 \ud83d\ude0d");
        h.Append("A", first);
        h.Append("B", Wire.Comment("B", "c2"), rawLanded: true);
        h.Append("A", Wire.Engagement("A", 42));

        await h.ReadAsync();
        var raw = (await h.Lake.FlushedRawAsync()).OrderBy(r => r.Offset).ToList();

        Assert.Equal([0L, 2], raw.Select(r => r.Offset!.Value));
        Assert.All(raw, r => Assert.Equal(("eventhubs", "2", Wire.Now), (r.Source, r.Partition!, r.ReceivedAt)));
        Assert.Equal(["comment", "engagement"], raw.Select(r => r.Type));
        Assert.Equal(first, raw[0].Event.Text);
        Assert.Equal(raw[0].BatchId, raw[1].BatchId);
        Assert.Equal([0, 2], raw.Select(r => r.Index));
    }

    [Fact]
    public async Task Nothing_is_read_while_the_lake_has_no_room()
    {
        await using var h = await ReceiverHarness.StartAsync(o => o.MaxMessagesPerRead = 5, maxBufferedRows: 3);
        h.Append("A", Wire.Comment("A", "c1"));

        Assert.Empty(await h.ReadAsync());
        Assert.Null(h.Receiver.Checkpoint!.LastRead);
    }

    [Fact]
    public async Task Reading_starts_at_the_committed_offset_or_where_StartFrom_says()
    {
        var hub = new FakeHub(4);
        for (var i = 0; i < 6; i++)
        {
            hub.Append(P, "A", Wire.Comment("A", "c" + i));
        }

        hub.SetCommitted(P, 3);
        await using (var h = await ReceiverHarness.StartAsync(hub: hub))
        {
            Assert.Equal(new long[] { 3, 4, 5 }, Assert.Single(await h.ReadAsync()).Offsets);
        }

        var fresh = new FakeHub(4);
        await using (var h = await ReceiverHarness.StartAsync(hub: fresh))
        {
            Assert.Equal([(P, (long?)null)], fresh.Assignments);
        }
    }

    [Fact]
    public async Task A_transient_read_error_returns_nothing_and_the_next_read_carries_on()
    {
        await using var h = await ReceiverHarness.StartAsync();
        h.Append("A", Wire.Comment("A", "c1"));
        h.Append("A", Wire.Comment("A", "c2"));
        h.Hub.FailNextPoll(P, ErrorCode.Local_Transport);

        Assert.Empty(await h.ReadAsync());
        Assert.Equal(new long[] { 0, 1 }, Assert.Single(await h.ReadAsync()).Offsets);
        Assert.Equal(1, h.Hub.ConsumersCreated);
    }

    [Fact]
    public async Task After_a_fatal_error_a_new_client_resumes_after_the_last_offset_read()
    {
        await using var h = await ReceiverHarness.StartAsync();
        h.Append("A", Wire.Comment("A", "c1"));
        h.Append("A", Wire.Comment("A", "c2"));
        var first = Assert.Single(await h.ReadAsync());
        h.Append("A", Wire.Comment("A", "c3"));
        h.Hub.FailNextPoll(P, ErrorCode.Local_Fatal, fatal: true);

        Assert.Empty(await h.ReadAsync());
        Assert.Equal(1, h.Hub.ConsumersDisposed);
        Assert.Empty(await h.ReadAsync()); // not before the restart delay

        h.Clock.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(new long[] { 2 }, Assert.Single(await h.ReadAsync()).Offsets);
        Assert.Equal([(P, (long?)null), (P, 2L)], h.Hub.Assignments);

        // What the old client read still commits once delivered.
        h.Clock.Advance(h.Options.CommitInterval);
        await h.DeliveredAsync(first);
        Assert.Equal((P, 2L), h.Hub.Commits.Last());
    }

    [Fact]
    public async Task A_failed_start_is_tried_again_by_later_reads()
    {
        var hub = new FakeHub(4) { StartError = new KafkaException(ErrorCode.Local_AllBrokersDown) };
        hub.Append(P, "A", Wire.Comment("A", "c1"));
        await using var h = await ReceiverHarness.StartAsync(hub: hub);

        Assert.Null(h.Receiver.Checkpoint);
        Assert.Empty(await h.ReadAsync());

        hub.StartError = null;
        Assert.Empty(await h.ReadAsync()); // not before the restart delay
        h.Clock.Advance(TimeSpan.FromSeconds(5));
        Assert.Single(await h.ReadAsync());
        Assert.Equal(2, hub.ConsumersCreated);
        Assert.Equal(1, hub.ConsumersDisposed);
    }

    [Fact]
    public async Task After_shutdown_nothing_is_read()
    {
        var h = await ReceiverHarness.StartAsync();
        h.Append("A", Wire.Comment("A", "c1"));
        await h.Receiver.Shutdown(TimeSpan.FromSeconds(5), CancellationToken.None);

        Assert.Empty(await h.ReadAsync());
        await h.DisposeAsync();
        Assert.Equal((1, 1), (h.Hub.ConsumersClosed, h.Hub.ConsumersDisposed));
    }
}
