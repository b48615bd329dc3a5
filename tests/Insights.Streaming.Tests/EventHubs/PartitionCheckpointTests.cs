namespace Insights.Streaming.Tests.EventHubs;

using Insights.Streaming.EventHubs;

public class PartitionCheckpointTests
{
    private static PartitionCheckpoint ReadOffsets(long? committed, params long[] offsets)
    {
        var checkpoint = new PartitionCheckpoint(committed);
        foreach (var o in offsets)
        {
            checkpoint.Read(o);
        }

        return checkpoint;
    }

    [Fact]
    public void Nothing_is_committable_before_anything_is_done()
    {
        Assert.Null(new PartitionCheckpoint(null).Committable);
        Assert.Null(new PartitionCheckpoint(42).Committable);

        var checkpoint = ReadOffsets(10, 10, 11, 12);
        Assert.Null(checkpoint.Committable);
        Assert.Equal(3, checkpoint.Pending);
    }

    [Fact]
    public void Commits_the_offset_after_the_last_one_when_all_are_done()
    {
        var checkpoint = ReadOffsets(10, 10, 11, 12);

        checkpoint.Done([10, 11, 12]);

        Assert.Equal(13, checkpoint.Committable);
    }

    [Fact]
    public void Out_of_order_completion_never_commits_past_an_undelivered_offset()
    {
        var checkpoint = ReadOffsets(null, 0, 1, 2, 3, 4, 5);

        checkpoint.Done([3, 4, 5]);
        Assert.Null(checkpoint.Committable);

        checkpoint.Done(1);
        Assert.Null(checkpoint.Committable);

        checkpoint.Done(0);
        Assert.Equal(2, checkpoint.Committable);

        checkpoint.Done(2);
        Assert.Equal(6, checkpoint.Committable);
    }

    [Fact]
    public void Interleaved_containers_commit_up_to_the_first_pending_offset()
    {
        // Video A has offsets 0, 2, 4; video B 1, 3.
        var checkpoint = ReadOffsets(null, 0, 1, 2, 3, 4);

        checkpoint.Done([0, 2, 4]);
        Assert.Equal(1, checkpoint.Committable);

        checkpoint.Done([1, 3]);
        Assert.Equal(5, checkpoint.Committable);
    }

    [Fact]
    public void Gaps_in_offsets_count_as_done()
    {
        // Offsets 3 to 6 do not exist (compaction, transaction markers).
        var checkpoint = ReadOffsets(null, 0, 1, 2, 7, 8);

        checkpoint.Done([0, 1, 2]);
        Assert.Equal(7, checkpoint.Committable);

        checkpoint.Done([7, 8]);
        Assert.Equal(9, checkpoint.Committable);
    }

    [Fact]
    public void Poison_done_at_once_does_not_hold_the_commit_back()
    {
        var checkpoint = ReadOffsets(null, 0, 1, 2);
        checkpoint.Done(1);
        checkpoint.Done(0);

        Assert.Equal(2, checkpoint.Committable);

        checkpoint.Read(3);
        checkpoint.Done(3);
        checkpoint.Done(2);
        Assert.Equal(4, checkpoint.Committable);
    }

    [Fact]
    public void A_commit_is_only_offered_when_it_moves_forward()
    {
        var checkpoint = ReadOffsets(null, 0, 1);
        checkpoint.Done([0, 1]);

        checkpoint.Committed(2);

        Assert.Null(checkpoint.Committable);
        Assert.Equal(2, checkpoint.LastCommitted);
        Assert.Equal(2, checkpoint.Position);

        checkpoint.Read(2);
        Assert.Null(checkpoint.Committable);
        checkpoint.Done(2);
        Assert.Equal(3, checkpoint.Committable);
    }

    [Fact]
    public void Committing_ahead_of_the_position_is_a_bug()
    {
        var checkpoint = ReadOffsets(null, 0, 1);
        checkpoint.Done(0);

        Assert.Throws<InvalidOperationException>(() => checkpoint.Committed(2));
        checkpoint.Committed(1);
    }

    [Fact]
    public void Offsets_must_be_read_in_ascending_order_and_unknown_ones_are_ignored()
    {
        var checkpoint = ReadOffsets(null, 5);

        Assert.Throws<ArgumentOutOfRangeException>(() => checkpoint.Read(5));
        Assert.Throws<ArgumentOutOfRangeException>(() => checkpoint.Read(4));
        checkpoint.Done(99);
        checkpoint.Done(5);
        checkpoint.Done(5);
        Assert.Equal(6, checkpoint.Committable);
    }
}
