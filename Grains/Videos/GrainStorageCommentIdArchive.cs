namespace Insights.Grains.Videos;

using Insights.Grains.Domain;
using Orleans.Storage;

/// <summary>
/// A video's archived comment keys in the grain's own storage provider, one entry per hour of creation time under a
/// state name derived from the video's (<c>video-ids-{hour}</c>, <c>video-ids-legacy</c>), each written with the
/// ETag its read returned, so a stale activation fails instead of overwriting what a newer one merged.
/// </summary>
internal sealed class GrainStorageCommentIdArchive(IGrainStorage storage, GrainId grainId) : ICommentIdArchive
{
    // Created by the first read: an archive is often made and never used.
    private Dictionary<int, string?>? _etags;

    public static string StateName(int bucket) =>
        bucket == ICommentIdArchive.LegacyBucket ? "video-ids-legacy" : "video-ids-" + bucket.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public async Task<SortedCommentKeys> ReadAsync(int bucket)
    {
        var state = new GrainState<SortedCommentKeys>();
        await storage.ReadStateAsync(StateName(bucket), grainId, state);
        (_etags ??= [])[bucket] = state.ETag;
        return state.RecordExists && state.State is { } keys ? keys : new SortedCommentKeys();
    }

    public async Task WriteAsync(int bucket, SortedCommentKeys keys)
    {
        if (_etags is null || !_etags.TryGetValue(bucket, out var etag))
        {
            // Never read by this activation: read for the ETag, so the write is still conditional.
            await ReadAsync(bucket);
            etag = _etags![bucket];
        }

        var state = new GrainState<SortedCommentKeys>(keys, etag);
        await storage.WriteStateAsync(StateName(bucket), grainId, state);
        // The next change of this segment reads it again (a merge is read, add, write), which brings the ETag.
        _etags?.Remove(bucket);
    }
}
