namespace Insights.Grains.Dimensions;

using Insights.Dimensions;
using Insights.Lake.Records;
using Insights.Lake.Zones;
using Insights.Stats;
using Microsoft.Extensions.Options;

/// <summary>
/// Holds every video's latest metadata and rewrites the dimension files when something changed (SCD type 1). The
/// files themselves are its state: it reads them back when it activates. The same rows, indexed in a
/// <see cref="VideoDirectory"/>, answer searches of videos by creator and hashtag.
/// </summary>
public sealed class DimensionsGrain(DimensionTables tables, IOptions<DimensionsOptions> options, TimeProvider clock) : Grain, IDimensionsGrain
{
    private readonly VideoDirectory _videos = new();
    private bool _dirty;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        foreach (var row in await tables.ReadVideosAsync(cancellationToken))
        {
            _videos.Set(row);
        }

        this.RegisterGrainTimer(_ => Flush(), new GrainTimerCreationOptions(options.Value.FlushInterval, options.Value.FlushInterval));
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) => Flush();

    public Task ReportVideo(string videoId, VideoInfo video)
    {
        var row = new VideoDimRow
        {
            VideoId = videoId,
            Username = video.Username,
            CreateTime = video.CreateTime.UtcDateTime,
            RegionCode = video.RegionCode,
            VideoDescription = video.Description,
            HashtagNames = string.Join(',', video.Hashtags),
            MusicId = video.MusicId,
            Duration = video.DurationSeconds,
        };
        if (!_videos.TryGetValue(videoId, out var known) || !SameContent(known, row))
        {
            row.UpdatedAt = clock.GetUtcNow().UtcDateTime;
            _videos.Set(row);
            _dirty = true;
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<CreatorMatch>> SearchCreators(string text, int limit) =>
        Task.FromResult(_videos.SearchCreators(text, limit));

    public Task<IReadOnlyList<VideoMatch>> FindVideos(string? creator, string? hashtag, int limit) =>
        Task.FromResult(_videos.FindVideos(creator, hashtag, limit));

    public async Task Flush()
    {
        if (!_dirty)
        {
            return;
        }

        var videos = _videos.Rows.OrderBy(v => v.VideoId, StringComparer.Ordinal).ToList();
        var creators = videos
            .GroupBy(v => v.Username, StringComparer.Ordinal)
            .Select(g => new CreatorDimRow
            {
                Username = g.Key,
                VideoCount = g.Count(),
                FirstVideoTime = g.Min(v => v.CreateTime),
                LastVideoTime = g.Max(v => v.CreateTime),
                UpdatedAt = g.Max(v => v.UpdatedAt),
            })
            .OrderBy(c => c.Username, StringComparer.Ordinal)
            .ToList();
        _dirty = false;
        try
        {
            await tables.WriteAsync(videos, creators);
        }
        catch
        {
            _dirty = true;
            throw;
        }
    }

    private static bool SameContent(VideoDimRow a, VideoDimRow b) =>
        a.Username == b.Username && a.CreateTime == b.CreateTime && a.RegionCode == b.RegionCode
        && a.VideoDescription == b.VideoDescription && a.HashtagNames == b.HashtagNames && a.MusicId == b.MusicId
        && a.Duration == b.Duration;
}

/// <summary>Section <c>Insights:Dimensions</c>.</summary>
public sealed class DimensionsOptions
{
    public const string SectionName = "Insights:Dimensions";

    public TimeSpan FlushInterval { get; set; } = TimeSpan.FromSeconds(30);
}
