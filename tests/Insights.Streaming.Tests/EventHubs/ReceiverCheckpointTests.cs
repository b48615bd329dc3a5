namespace Insights.Streaming.Tests.EventHubs;

using Confluent.Kafka;
using Insights.Streaming.Tests.EventHubs.Support;

/// <summary>When and what a partition's receiver commits.</summary>
public class ReceiverCheckpointTests
{
    private const int P = ReceiverHarness.Partition;

    [Fact]
    public async Task Commits_follow_deliveries_and_never_pass_an_undelivered_event()
    {
        await using var h = await ReceiverHarness.StartAsync();
        h.Append("A", Wire.Comment("A", "c1"));
        h.Append("B", Wire.Comment("B", "c2"));
        h.Append("A", Wire.Comment("A", "c3"));
        h.Append("C", Wire.Comment("C", "c4"));
        var read = await h.ReadAsync();
        var (a, b, c) = (read[0], read[1], read[2]);

        h.Clock.Advance(h.Options.CommitInterval);
        await h.DeliveredAsync(a);
        Assert.Equal([(P, 1L)], h.Hub.Commits); // offset 2 is delivered, but B's offset 1 is not

        h.Clock.Advance(h.Options.CommitInterval);
        await h.DeliveredAsync(b);
        h.Clock.Advance(h.Options.CommitInterval);
        await h.DeliveredAsync(c);

        Assert.Equal([(P, 1L), (P, 3L), (P, 4L)], h.Hub.Commits);
        Assert.Equal(4, h.Hub.Committed(P));
    }

    [Fact]
    public async Task Commits_at_most_once_per_interval_and_always_at_shutdown()
    {
        await using var h = await ReceiverHarness.StartAsync(o => o.CommitInterval = TimeSpan.FromSeconds(10));
        h.Append("A", Wire.Comment("A", "c1"));
        await h.DeliveredAsync([.. await h.ReadAsync()]);
        Assert.Empty(h.Hub.Commits);

        h.Clock.Advance(TimeSpan.FromSeconds(6));
        await h.ReadAsync();
        Assert.Empty(h.Hub.Commits);

        // A quiet partition still commits: reads check the interval too.
        h.Clock.Advance(TimeSpan.FromSeconds(4));
        await h.ReadAsync();
        Assert.Equal([(P, 1L)], h.Hub.Commits);

        h.Append("A", Wire.Comment("A", "c2"));
        await h.DeliveredAsync([.. await h.ReadAsync()]);
        h.Clock.Advance(TimeSpan.FromSeconds(1));
        await h.ReadAsync();
        Assert.Single(h.Hub.Commits);

        await h.Receiver.Shutdown(TimeSpan.FromSeconds(5), CancellationToken.None);
        Assert.Equal([(P, 1L), (P, 2L)], h.Hub.Commits);
    }

    [Fact]
    public async Task Shutdown_commits_only_what_was_delivered()
    {
        await using var h = await ReceiverHarness.StartAsync();
        h.Append("A", Wire.Comment("A", "c1"));
        h.Append("B", Wire.Comment("B", "c2"));
        var read = await h.ReadAsync();
        await h.DeliveredAsync(read[0]);

        await h.Receiver.Shutdown(TimeSpan.FromSeconds(5), CancellationToken.None);

        Assert.Equal([(P, 1L)], h.Hub.Commits);
        Assert.Equal(1, h.Hub.ConsumersClosed);
    }

    [Fact]
    public async Task Nothing_is_committed_when_nothing_moved()
    {
        var hub = new FakeHub(4);
        hub.SetCommitted(P, 7);
        await using var h = await ReceiverHarness.StartAsync(hub: hub);

        h.Clock.Advance(h.Options.CommitInterval);
        await h.ReadAsync();
        await h.Receiver.Shutdown(TimeSpan.FromSeconds(5), CancellationToken.None);

        Assert.Empty(hub.Commits);
    }

    [Fact]
    public async Task The_raw_and_quarantine_zones_are_written_before_each_commit()
    {
        await using var h = await ReceiverHarness.StartAsync();
        var atCommit = new List<(long Offset, List<long> Raw, int Quarantined)>();
        h.Hub.OnCommit = (_, offset) => atCommit.Add((
            offset,
            h.Lake.WrittenRawAsync().GetAwaiter().GetResult().Select(r => r.Offset!.Value).Order().ToList(),
            new Insights.Lake.Zones.LakeReader(h.Lake.Store).ReadQuarantineAsync().GetAwaiter().GetResult().Count));

        h.Append("A", Wire.Comment("A", "c1"));
        h.Append("A", "not json");
        h.Append("B", Wire.Comment("B", "c2"));
        var read = await h.ReadAsync();
        Assert.Empty(await h.Lake.WrittenRawAsync()); // buffered: the writer's file age is an hour

        h.Clock.Advance(h.Options.CommitInterval);
        await h.DeliveredAsync([.. read]);

        h.Append("A", Wire.Comment("A", "c3"));
        var more = await h.ReadAsync();
        await h.DeliveredAsync([.. more]);
        await h.Receiver.Shutdown(TimeSpan.FromSeconds(5), CancellationToken.None);

        Assert.Equal([3L, 4L], atCommit.Select(c => c.Offset));
        Assert.Equal([0L, 2], atCommit[0].Raw);
        Assert.Equal(1, atCommit[0].Quarantined);
        Assert.Equal([0L, 2, 3], atCommit[1].Raw);
    }

    [Fact]
    public async Task Containers_orleans_gave_up_on_are_passed_so_the_checkpoint_moves_on()
    {
        await using var h = await ReceiverHarness.StartAsync();
        h.Append("A", Wire.Comment("A", "c1"));
        h.Append("B", Wire.Comment("B", "c2"));
        h.Append("C", Wire.Comment("C", "c3"));
        var read = await h.ReadAsync();

        // The cache purges oldest first and leaves out what failed delivery: A was dropped.
        h.Clock.Advance(h.Options.CommitInterval);
        await h.DeliveredAsync(read[1]);

        Assert.Equal([(P, 2L)], h.Hub.Commits);
        Assert.Equal(1, h.Receiver.Outstanding);
    }

    [Fact]
    public async Task A_failed_commit_is_tried_again_at_the_next_interval()
    {
        await using var h = await ReceiverHarness.StartAsync();
        var failures = 1;
        h.Hub.OnCommit = (_, _) =>
        {
            if (failures-- > 0)
            {
                throw new KafkaException(ErrorCode.RequestTimedOut);
            }
        };
        h.Append("A", Wire.Comment("A", "c1"));
        var read = await h.ReadAsync();

        h.Clock.Advance(h.Options.CommitInterval);
        await h.DeliveredAsync([.. read]);
        Assert.Empty(h.Hub.Commits);
        Assert.Null(h.Receiver.Checkpoint!.LastCommitted);

        h.Clock.Advance(h.Options.CommitInterval);
        await h.ReadAsync();
        Assert.Equal([(P, 1L)], h.Hub.Commits);
    }
}
