namespace Insights;

using Insights.Stats;
using Orleans.Concurrency;

/// <summary>One grain per video, keyed by the video id; fed by the video's stream.</summary>
[Alias("insights.IVideoGrain")]
public interface IVideoGrain : IGrainWithStringKey
{
    /// <summary>The live state, or null for a video that has never had an event.</summary>
    [ReadOnly, Alias("GetStats")]
    Task<VideoStats?> GetStats();
}
