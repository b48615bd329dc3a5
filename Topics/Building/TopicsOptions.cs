namespace Insights.Topics.Building;

using System.ComponentModel.DataAnnotations;

/// <summary>How and when the topics of the day are built (<c>Insights:Topics</c>); the model's own settings are <c>Insights:Topics:Model</c>.</summary>
public sealed class TopicsOptions
{
    public const string SectionName = "Insights:Topics";

    /// <summary>Whether the topics grain builds on a reminder; off, builds run only on <c>POST /api/topics/build</c>.</summary>
    public bool BuildOnSchedule { get; set; } = true;

    /// <summary>Time between scheduled builds; a build with nothing new in the lake is skipped.</summary>
    public TimeSpan BuildInterval { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// Wait after midnight before yesterday's last build, so the processed writer has flushed yesterday's last
    /// comments (its files close after <c>Insights:Lake:Writer:MaxFileAge</c>).
    /// </summary>
    public TimeSpan FinalBuildDelay { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Days whose last build the grain keeps in memory to answer from; older days are read from the lake.</summary>
    [Range(1, 60)]
    public int RecentDays { get; set; } = 3;

    /// <summary>
    /// Least cosine similarity of two topics' term weights for a new topic to keep an earlier topic's id (the same
    /// day's previous build first, then the day before).
    /// </summary>
    [Range(0.01, 1.0)]
    public double MatchThreshold { get; set; } = 0.3;

    /// <summary>Whether the descriptions of the day's commented videos are fitted too (never counted as comments).</summary>
    public bool IncludeVideoDescriptions { get; set; } = true;
}
