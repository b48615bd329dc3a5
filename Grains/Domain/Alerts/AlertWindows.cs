namespace Insights.Grains.Domain.Alerts;

using Insights.Alerts;
using Insights.Stats;

/// <summary>What the rules look at: one video's 5-minute and 1-hour windows at <see cref="Now"/>.</summary>
public readonly record struct AlertWindows(string VideoId, VideoInfo? Video, WindowStats FiveMinutes, WindowStats OneHour, DateTimeOffset Now)
{
    /// <summary>Minutes of the recent window the rules compare with the rest of the hour.</summary>
    public const double RecentMinutes = 5;

    /// <summary>Minutes of the hour before the recent window.</summary>
    public const double BaselineMinutes = 55;

    public static long Scored(SentimentSummary s) => s.Positive + s.Neutral + s.Negative;

    /// <summary>An alert about this video at <see cref="Now"/>: every rule names the video the same way.</summary>
    public Alert Fire(AlertRule rule, double value, double baseline, double threshold, long comments, string text) => new()
    {
        Rule = rule,
        VideoId = VideoId,
        Username = Video?.Username,
        Description = Video?.Description,
        FiredAt = Now,
        Value = value,
        Baseline = baseline,
        Threshold = threshold,
        Comments = comments,
        Text = text,
    };
}
