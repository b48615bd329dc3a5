namespace Insights.Lake.Zones;

using Insights.Lake.Records;
using Insights.Lake.Writing;

/// <summary>
/// The dimension tables of the processed zone, each one Parquet file replaced whole on change (SCD type 1):
/// <c>processed/dim_videos/dim_videos.parquet</c> and <c>processed/dim_creators/dim_creators.parquet</c>.
/// </summary>
public sealed class DimensionTables(ILakeStore lake)
{
    public const string VideosPath = "dim_videos/dim_videos.parquet";
    public const string CreatorsPath = "dim_creators/dim_creators.parquet";

    private readonly IBlobStore _processed = lake.Zone(LakeZone.Processed);

    public async Task WriteAsync(IReadOnlyList<VideoDimRow> videos, IReadOnlyList<CreatorDimRow> creators, CancellationToken cancellationToken = default)
    {
        await _processed.WriteAsync(VideosPath, await new ParquetFormat<VideoDimRow>().EncodeAsync(videos, cancellationToken), cancellationToken);
        await _processed.WriteAsync(CreatorsPath, await new ParquetFormat<CreatorDimRow>().EncodeAsync(creators, cancellationToken), cancellationToken);
    }

    public async Task<IList<VideoDimRow>> ReadVideosAsync(CancellationToken cancellationToken = default) =>
        await _processed.ReadAsync(VideosPath, cancellationToken) is { } bytes
            ? await ParquetFormat<VideoDimRow>.ReadAsync(bytes, cancellationToken)
            : [];

    public async Task<IList<CreatorDimRow>> ReadCreatorsAsync(CancellationToken cancellationToken = default) =>
        await _processed.ReadAsync(CreatorsPath, cancellationToken) is { } bytes
            ? await ParquetFormat<CreatorDimRow>.ReadAsync(bytes, cancellationToken)
            : [];
}
