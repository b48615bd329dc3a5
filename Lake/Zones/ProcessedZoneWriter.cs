namespace Insights.Lake.Zones;

using Insights.Lake.Records;
using Insights.Lake.Writing;

/// <summary>
/// The processed zone's fact tables as Parquet: <c>processed/comments/</c> by ingest hour and
/// <c>processed/video_snapshots/</c> by snapshot hour. Dimensions are written whole by <see cref="DimensionTables"/>.
/// </summary>
public sealed class ProcessedZoneWriter(ILakeStore lake, ZoneWriterFactory factory) : ILakeWriter
{
    public const string CommentsDataset = "comments";
    public const string SnapshotsDataset = "video_snapshots";

    private readonly ZoneWriter<CommentRow> _comments = factory.Create(
        "processed-comments", lake.Zone(LakeZone.Processed), new ParquetFormat<CommentRow>(),
        r => (CommentsDataset, new DateTimeOffset(r.IngestedAt, TimeSpan.Zero)));

    private readonly ZoneWriter<VideoSnapshotRow> _snapshots = factory.Create(
        "processed-snapshots", lake.Zone(LakeZone.Processed), new ParquetFormat<VideoSnapshotRow>(),
        r => (SnapshotsDataset, new DateTimeOffset(r.SnapshotTime, TimeSpan.Zero)));

    public ZoneWriter<CommentRow> Comments => _comments;

    public ZoneWriter<VideoSnapshotRow> Snapshots => _snapshots;

    /// <summary>Waits while the buffer is full, which holds back the stream feeding the caller: back-pressure.</summary>
    public ValueTask AddCommentsAsync(IReadOnlyList<CommentRow> rows, CancellationToken cancellationToken = default) =>
        _comments.AddAsync(rows, cancellationToken);

    public ValueTask AddSnapshotAsync(VideoSnapshotRow row, CancellationToken cancellationToken = default) =>
        _snapshots.AddAsync([row], cancellationToken);

    public async Task FlushAsync(CancellationToken cancellationToken) =>
        await Task.WhenAll(_comments.FlushAsync(cancellationToken), _snapshots.FlushAsync(cancellationToken));

    public async ValueTask DisposeAsync()
    {
        await _comments.DisposeAsync();
        await _snapshots.DisposeAsync();
    }
}
