namespace Insights.Grains.Tests.Domain;

using Insights.Events;
using Insights.Grains.Domain;
using static TestEvents;

/// <summary>
/// A video as its grain runs it, without a cluster: claims a delivered batch with the archive's segments loaded,
/// writes the state (Orleans-serialized, as grain storage does) and only then merges pending ids into the archive.
/// <see cref="Crash"/> drops everything not written and reads the last written state back.
/// </summary>
internal sealed class DurableVideo
{
    private readonly VideoOptions _options;
    private byte[]? _persisted;

    public DurableVideo(VideoOptions options, InMemoryCommentIdArchive? archive = null)
    {
        _options = options;
        Archive = archive ?? new InMemoryCommentIdArchive();
        State = new VideoState();
        Aggregate = new VideoAggregate("v1", State, options);
    }

    public InMemoryCommentIdArchive Archive { get; }

    public VideoState State { get; private set; }

    public VideoAggregate Aggregate { get; private set; }

    public enum CrashPoint
    {
        None,
        BeforeStateWrite,
        AfterStateWriteBeforeMerge,
    }

    /// <summary>Delivers a batch with write-through (as on a durable stream); returns how many comments were new.</summary>
    public async Task<int> DeliverAsync(IReadOnlyList<CommentPosted> comments, CrashPoint crash = CrashPoint.None)
    {
        await Aggregate.PrepareClaimsAsync(comments, Archive);
        var counted = 0;
        foreach (var comment in comments)
        {
            if (Aggregate.TryClaim(comment))
            {
                Aggregate.ApplyComment(comment, Positive(), comment.CreateTime);
                counted++;
            }
        }

        if (crash == CrashPoint.BeforeStateWrite)
        {
            Crash();
            return counted;
        }

        _persisted = TestSerialization.Serializer.SerializeToArray(State);
        if (crash == CrashPoint.AfterStateWriteBeforeMerge)
        {
            Crash();
            return counted;
        }

        await Aggregate.CommentIds.MergePendingAsync(Archive);
        Aggregate.CommentIds.ReleaseLoaded();
        return counted;
    }

    public void Crash()
    {
        State = _persisted is null ? new VideoState() : TestSerialization.RoundTrip<VideoState>(_persisted);
        Aggregate = new VideoAggregate("v1", State, _options);
    }

    public static IReadOnlyList<CommentPosted> Comments(int from, int count, Func<int, DateTimeOffset>? createdAt = null) =>
        Enumerable.Range(from, count).Select(i => Comment("c" + i, (createdAt ?? (n => T0.AddSeconds(n)))(i))).ToList();
}
