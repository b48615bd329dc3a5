namespace Insights;

using Insights.Stats;
using Orleans.Concurrency;

/// <summary>
/// Keeps the video and creator dimension tables of the processed zone, fed by video grains when a video's metadata
/// arrives or changes. One per cluster (key <see cref="GlobalKey"/>).
/// </summary>
[Alias("insights.IDimensionsGrain")]
public interface IDimensionsGrain : IGrainWithStringKey
{
    const string GlobalKey = "global";

    [OneWay, Alias("ReportVideo")]
    Task ReportVideo(string videoId, VideoInfo video);

    /// <summary>Writes the tables now if anything changed (tests and shutdown; the grain also does it on a timer).</summary>
    [Alias("Flush")]
    Task Flush();
}
