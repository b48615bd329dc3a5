namespace Insights.Grains.Tests.Domain;

using Insights.Grains.Domain;
using static DurableVideo;
using static TestEvents;

public class CommentIdSetTests
{
    private static readonly VideoOptions SmallHeap = new() { DedupCapacity = 8 };

    [Fact]
    public void Adds_each_id_once()
    {
        var set = new CommentIdSet(100);
        Assert.True(set.Add("a", T0));
        Assert.False(set.Add("a", T0));
        Assert.True(set.Add("b", T0));
        Assert.Equal(2, set.InHeap);
    }

    [Fact]
    public async Task A_duplicate_of_a_comment_far_older_than_the_ids_in_heap_still_counts_once()
    {
        var video = new DurableVideo(SmallHeap);
        for (var i = 0; i < 100; i += 10)
        {
            Assert.Equal(10, await video.DeliverAsync(Comments(i, 10)));
        }

        Assert.True(video.Aggregate.CommentIds.InHeap <= SmallHeap.DedupCapacity);
        Assert.Equal(0, await video.DeliverAsync(Comments(3, 1)));

        var stats = video.Aggregate.ToStats(T0.AddMinutes(5));
        Assert.Equal(100, stats.Totals.Comments);
        Assert.Equal(1, stats.Ingest.DuplicateComments);
    }

    [Fact]
    public async Task A_new_comment_older_than_every_id_in_heap_counts_and_its_redelivery_does_not()
    {
        var video = new DurableVideo(SmallHeap);
        await video.DeliverAsync(Comments(0, 100, n => T0.AddHours(3).AddSeconds(n)));

        var late = new[] { Comment("late", T0.AddMinutes(10)) };
        Assert.Equal(1, await video.DeliverAsync(late));
        Assert.Equal(0, await video.DeliverAsync(late));
        Assert.Equal(1, video.Archive.KeysIn(CommentKey.Of("late", T0.AddMinutes(10)).Bucket));
        Assert.Equal(101, video.Aggregate.ToStats(T0.AddHours(4)).Totals.Comments);
    }

    [Fact]
    public async Task Heap_stays_bounded_and_dedup_exact_after_200000_comments_to_one_video()
    {
        var options = new VideoOptions();
        var video = new DurableVideo(options);
        // Creation times a second apart (56 hours, so 56 archive segments), arriving shuffled within each 1,000.
        var order = Enumerable.Range(0, 200_000).Chunk(1_000).SelectMany(chunk => chunk.OrderBy(i => (i * 7919) % 1_000)).ToArray();
        var maxInHeap = 0;
        foreach (var batch in order.Chunk(100))
        {
            Assert.Equal(100, await video.DeliverAsync(batch.Select(i => Comment("c" + i, T0.AddSeconds(i))).ToList()));
            maxInHeap = Math.Max(maxInHeap, video.Aggregate.CommentIds.InHeap);
        }

        Assert.True(maxInHeap <= options.DedupCapacity, $"{maxInHeap} ids in heap, capacity {options.DedupCapacity}");
        Assert.Equal(56, video.Archive.Buckets.Count);

        // Every comment again, in other batches: all are duplicates, wherever their ids are now.
        foreach (var batch in Enumerable.Range(0, 200_000).Where(i => i % 97 == 0 || i > 199_900).Chunk(100))
        {
            Assert.Equal(0, await video.DeliverAsync(batch.Select(i => Comment("c" + i, T0.AddSeconds(i))).ToList()));
        }

        Assert.Equal(200_000, video.Aggregate.ToStats(T0.AddDays(3)).Totals.Comments);
        Assert.True(video.Aggregate.CommentIds.InHeap <= options.DedupCapacity);
    }

    [Fact]
    public async Task State_written_and_read_back_keeps_de_duplication_exact()
    {
        var video = new DurableVideo(SmallHeap);
        await video.DeliverAsync(Comments(0, 50));
        video.Crash(); // reads back what was written: the Orleans serializer's round trip

        Assert.Equal(0, await video.DeliverAsync(Comments(0, 50)));
        Assert.Equal(5, await video.DeliverAsync(Comments(50, 5)));
        Assert.Equal(55, video.Aggregate.ToStats(T0.AddMinutes(5)).Totals.Comments);
    }

    [Fact]
    public async Task A_crash_after_the_state_write_and_before_the_archive_merge_counts_nothing_twice()
    {
        var video = new DurableVideo(SmallHeap);
        await video.DeliverAsync(Comments(0, 20));
        // Ids leave heap for pending here; the crash comes before they reach their segment.
        Assert.Equal(20, await video.DeliverAsync(Comments(20, 20), CrashPoint.AfterStateWriteBeforeMerge));

        Assert.Equal(0, await video.DeliverAsync(Comments(0, 40)));
        Assert.Equal(40, video.Aggregate.ToStats(T0.AddMinutes(5)).Totals.Comments);
        Assert.Equal(40, video.Aggregate.ToStats(T0.AddMinutes(5)).Ingest.DuplicateComments);
    }

    [Fact]
    public async Task A_crash_before_the_state_write_loses_nothing_and_leaves_no_id_in_the_archive()
    {
        var video = new DurableVideo(SmallHeap);
        await video.DeliverAsync(Comments(100, 20));
        // Late comments and evictions both go to pending; the crash comes before the state write that would count them.
        var bucket = CommentKey.Of("c0", T0).Bucket;
        var archived = video.Archive.KeysIn(bucket);
        var batch = Comments(0, 20);
        Assert.Equal(20, await video.DeliverAsync(batch, CrashPoint.BeforeStateWrite));
        Assert.Equal(archived, video.Archive.KeysIn(bucket));

        Assert.Equal(20, await video.DeliverAsync(batch));
        Assert.Equal(0, await video.DeliverAsync(batch));
        Assert.Equal(40, video.Aggregate.ToStats(T0.AddMinutes(5)).Totals.Comments);
    }

    [Fact]
    public async Task State_written_with_the_old_ring_loads_and_still_recognises_its_comments()
    {
        var old = new LegacyVideoState
        {
            Comments = 3,
            UpdatedAt = T0,
            Version = 3,
            SeenComments = new LegacyCommentIdSet
            {
                Ring = [CommentKey.Fnv1a("old1"), CommentKey.Fnv1a("old2"), CommentKey.Fnv1a("old3"), 0],
                Next = 3,
                Count = 3,
                Capacity = 50_000,
            },
        };
        var state = TestSerialization.Reread<LegacyVideoState, VideoState>(old);
        var archive = new InMemoryCommentIdArchive();
        var video = new VideoAggregate("v1", state, new VideoOptions());
        Assert.True(video.CommentIds.NeedsLegacyMigration);
        await video.CommentIds.MigrateLegacyAsync(archive);
        Assert.Equal(3, archive.KeysIn(ICommentIdArchive.LegacyBucket));

        var redelivered = Comment("old2", T0.AddMinutes(-3));
        var fresh = Comment("new1", T0.AddMinutes(1));
        await video.PrepareClaimsAsync([redelivered, fresh], archive);
        Assert.False(video.TryClaim(redelivered));
        Assert.True(video.TryClaim(fresh));
        Assert.Equal(1, video.ToStats(T0).Ingest.DuplicateComments);

        // Written again without the ring, and read back: nothing to migrate, the legacy segment still consulted.
        var rewritten = TestSerialization.Copy(state);
        var reread = new VideoAggregate("v1", rewritten, new VideoOptions());
        Assert.False(reread.CommentIds.NeedsLegacyMigration);
        await reread.PrepareClaimsAsync([redelivered], archive);
        Assert.False(reread.TryClaim(redelivered));
    }

    [Fact]
    public void Claiming_a_comment_older_than_the_ids_in_heap_without_its_segment_loaded_fails_rather_than_guesses()
    {
        var video = new VideoAggregate("v1", new VideoState(), SmallHeap);
        foreach (var comment in Comments(100, 20))
        {
            video.TryClaim(comment);
        }

        Assert.Throws<InvalidOperationException>(() => video.TryClaim(Comment("c0", T0)));
    }

    [Fact]
    public async Task A_duplicate_of_an_id_waiting_to_be_archived_is_caught_without_reading_the_archive()
    {
        var archive = new InMemoryCommentIdArchive();
        var set = new CommentIdSet(4);
        for (var i = 0; i < 8; i++)
        {
            Assert.True(set.Add("c" + i, T0.AddMinutes(i)));
        }

        Assert.True(set.Pending > 0); // the oldest left the hot ids but wait, unmerged, for the state write

        await set.PrepareAsync([("c0", T0)], archive);
        Assert.False(set.Add("c0", T0));
        Assert.Equal(0, archive.Reads);

        // One never seen, as old: it may be in the archive, so the archive is read.
        set.ReleaseLoaded();
        await set.PrepareAsync([("old", T0.AddSeconds(-30))], archive);
        Assert.Equal(1, archive.Reads);
        Assert.True(set.Add("old", T0.AddSeconds(-30)));
    }

    [Fact]
    public void An_id_re_sent_with_another_creation_time_is_a_duplicate_while_the_first_is_in_memory()
    {
        var set = new CommentIdSet(4);
        Assert.True(set.Add("c1", T0));
        Assert.False(set.Add("c1", T0.AddSeconds(10)));
        for (var i = 0; i < 6; i++)
        {
            Assert.True(set.Add("n" + i, T0.AddMinutes(1 + i)));
        }

        Assert.True(set.Pending > 0); // c1 left the hot ids and waits to be archived: still caught by its id
        Assert.False(set.Add("c1", T0.AddMinutes(30)));
    }

    [Fact]
    public void Hash_is_stable_across_processes()
    {
        // A persisted key is read back by another process: the hash must not depend on per-process seeds.
        Assert.Equal(0xcbf29ce484222325UL, CommentKey.Fnv1a(""));
        Assert.Equal(CommentKey.Fnv1a("7300000000000000001"), CommentKey.Fnv1a(new string("7300000000000000001".ToCharArray())));
        Assert.NotEqual(CommentKey.Fnv1a("ab"), CommentKey.Fnv1a("ba"));
    }
}
