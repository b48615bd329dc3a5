namespace Insights;

using Insights.Dimensions;
using Insights.Stats;
using Orleans.Concurrency;

/// <summary>
/// Keeps the video and creator dimension tables of the processed zone, fed by video grains when a video's metadata
/// arrives or changes, and answers searches of videos by creator and hashtag from the same rows in memory. One per
/// cluster (key <see cref="GlobalKey"/>).
/// </summary>
[Alias("insights.IDimensionsGrain")]
public interface IDimensionsGrain : IGrainWithStringKey
{
    const string GlobalKey = "global";

    [OneWay, Alias("ReportVideo")]
    Task ReportVideo(string videoId, VideoInfo video);

    /// <summary>
    /// Creators whose username holds <paramref name="text"/> (case-insensitive): the exact name first, then names
    /// starting with it, then the rest; most videos first within each.
    /// </summary>
    [ReadOnly, Alias("SearchCreators")]
    Task<IReadOnlyList<CreatorMatch>> SearchCreators(string text, int limit);

    /// <summary>
    /// Videos of <paramref name="creator"/> (the exact username) and/or carrying <paramref name="hashtag"/>
    /// (case-insensitive, without '#'), newest first; both given means both must match.
    /// </summary>
    [ReadOnly, Alias("FindVideos")]
    Task<IReadOnlyList<VideoMatch>> FindVideos(string? creator, string? hashtag, int limit);

    /// <summary>Writes the tables now if anything changed (tests and shutdown; the grain also does it on a timer).</summary>
    [Alias("Flush")]
    Task Flush();
}
