namespace Insights;

using Insights.Series;
using Insights.Stats;
using Orleans.Concurrency;

/// <summary>One grain per video, keyed by the video id; fed by the video's stream.</summary>
[Alias("insights.IVideoGrain")]
public interface IVideoGrain : IGrainWithStringKey
{
    /// <summary>The live state, or null for a video that has never had an event.</summary>
    [ReadOnly, Alias("GetStats")]
    Task<VideoStats?> GetStats();

    /// <summary>
    /// Every bucket of a rolling window (<c>5m</c>, <c>1h</c>, <c>24h</c>), oldest first, empty ones with zeros; null
    /// for a video that has never had an event. Throws <see cref="ArgumentOutOfRangeException"/> for another window.
    /// </summary>
    [ReadOnly, Alias("GetSeries")]
    Task<VideoSeries?> GetSeries(string window);
}
