namespace Insights.Grains.Videos;

using Insights.Grains.Domain;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;

/// <summary>
/// The grain is its comment-id archive, and creates the storage-backed one (<see cref="GrainStorageCommentIdArchive"/>)
/// only when a batch first needs it: most activations never read or write a segment, and a million active videos
/// would otherwise each hold an archive object and its ETag dictionary for nothing.
/// </summary>
public sealed partial class VideoGrain
{
    private GrainStorageCommentIdArchive? _archive;

    private GrainStorageCommentIdArchive Archive =>
        _archive ??= new GrainStorageCommentIdArchive(ServiceProvider.GetRequiredKeyedService<IGrainStorage>(StorageNames.Grains), GrainContext.GrainId);

    Task<SortedCommentKeys> ICommentIdArchive.ReadAsync(int bucket) => Archive.ReadAsync(bucket);

    Task ICommentIdArchive.WriteAsync(int bucket, SortedCommentKeys keys) => Archive.WriteAsync(bucket, keys);
}
