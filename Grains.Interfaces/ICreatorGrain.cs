namespace Insights;

using Insights.Creators;
using Insights.Leaderboard;
using Insights.Stats;
using Orleans.Concurrency;

/// <summary>
/// One grain per creator, keyed by the username (<see cref="CreatorNames"/>): the latest summary of each of the
/// creator's videos, reported by the video grains on each flush, so a creator's figures never scan video grains.
/// </summary>
[Alias("insights.ICreatorGrain")]
public interface ICreatorGrain : IGrainWithStringKey
{
    [OneWay, Alias("Report")]
    Task Report(VideoSummary summary, VideoInfo video);

    /// <summary>The roll-up with up to <paramref name="limit"/> videos ranked by <paramref name="by"/>; null before any video reported.</summary>
    [ReadOnly, Alias("GetStats")]
    Task<CreatorStats?> GetStats(CreatorVideoOrder by, int limit);
}
