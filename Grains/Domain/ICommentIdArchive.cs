namespace Insights.Grains.Domain;

/// <summary>
/// Where a video's older comment keys live, outside its in-heap state: one segment per hour of creation time
/// (<see cref="CommentKey.Bucket"/>), plus the legacy segment (<see cref="LegacyBucket"/>) of hashes migrated from
/// state written before the archive existed. Read only when a comment older than the in-heap set arrives.
/// </summary>
public interface ICommentIdArchive
{
    /// <summary>The bucket of hashes without creation times, from the old ring layout.</summary>
    const int LegacyBucket = -1;

    /// <summary>The segment's keys; an empty set when it was never written.</summary>
    Task<SortedCommentKeys> ReadAsync(int bucket);

    /// <summary>Replaces the segment. Must fail rather than overwrite a segment written by someone else since the read.</summary>
    Task WriteAsync(int bucket, SortedCommentKeys keys);
}
