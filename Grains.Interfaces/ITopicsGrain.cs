namespace Insights;

using Insights.Topics;
using Orleans.Concurrency;

/// <summary>
/// Builds the topics of the day from the processed zone's comments and keeps them in the lake: on a reminder every
/// <c>Insights:Topics:BuildInterval</c> (today, and yesterday once more after midnight) and on demand. One per
/// cluster (key <see cref="GlobalKey"/>), so builds never overlap.
/// </summary>
[Alias("insights.ITopicsGrain")]
public interface ITopicsGrain : IGrainWithStringKey
{
    const string GlobalKey = "global";

    /// <summary>Registers (or updates) the build reminder, or removes it when scheduled builds are off. Each silo calls it at start.</summary>
    [Alias("EnsureScheduled")]
    Task EnsureScheduled();

    /// <summary>Builds the day's topics now from what the lake holds (skipped when nothing new landed); answers what it did.</summary>
    [Alias("Build"), ResponseTimeout("00:10:00")]
    Task<TopicBuildReport> Build(DateOnly date);

    /// <summary>The day's topics from its last build (empty, <see cref="DayTopics.BuiltAt"/> null, when none exists).</summary>
    [Alias("GetTopics"), AlwaysInterleave, ResponseTimeout("00:01:00")]
    Task<DayTopics> GetTopics(DateOnly date);

    /// <summary>One video's topics on a day, from the day's last build.</summary>
    [Alias("GetVideoTopics"), AlwaysInterleave, ResponseTimeout("00:01:00")]
    Task<VideoTopics> GetVideoTopics(string videoId, DateOnly date);

    /// <summary>The last build of this activation, or null before the first.</summary>
    [Alias("GetLastBuild"), AlwaysInterleave]
    Task<TopicBuildReport?> GetLastBuild();
}
