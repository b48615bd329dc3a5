namespace Insights.Api.Dashboard;

using Insights.Stats;

/// <summary>A video whose recent sentiment moved away from its hour.</summary>
public sealed record SentimentAlert(
    string VideoId, string? Username, double FiveMinuteScore, double OneHourScore, double Delta, long FiveMinuteComments);

/// <summary>
/// Flags a video when its 5-minute sentiment score differs from its 1-hour score by more than
/// <see cref="DashboardOptions.AlertDelta"/> points, with at least <see cref="DashboardOptions.AlertMinComments"/>
/// comments in the 5-minute window.
/// </summary>
public sealed class SentimentAlertRule(double delta, int minComments)
{
    public double AlertDelta { get; } = delta >= 0 ? delta : throw new ArgumentOutOfRangeException(nameof(delta), delta, "must not be negative");

    public int MinComments { get; } = minComments >= 0 ? minComments : throw new ArgumentOutOfRangeException(nameof(minComments), minComments, "must not be negative");

    public static SentimentAlertRule From(DashboardOptions options) => new(options.AlertDelta, options.AlertMinComments);

    public SentimentAlert? Evaluate(string videoId, string? username, WindowStats? fiveMinutes, WindowStats? oneHour)
    {
        if (fiveMinutes is null || oneHour is null)
        {
            return null;
        }

        // Scores of windows without scored comments are 0 by default, not opinions: never compare those.
        var recent = fiveMinutes.Comments;
        if (recent < MinComments || Scored(fiveMinutes.Sentiment) == 0 || Scored(oneHour.Sentiment) == 0)
        {
            return null;
        }

        var delta = fiveMinutes.Sentiment.Score - oneHour.Sentiment.Score;
        return Math.Abs(delta) > AlertDelta
            ? new SentimentAlert(videoId, username, fiveMinutes.Sentiment.Score, oneHour.Sentiment.Score, delta, recent)
            : null;
    }

    public SentimentAlert? Evaluate(VideoStats stats) =>
        Evaluate(
            stats.VideoId,
            stats.Video?.Username,
            stats.Windows.GetValueOrDefault(WindowNames.FiveMinutes),
            stats.Windows.GetValueOrDefault(WindowNames.OneHour));

    private static long Scored(SentimentSummary s) => s.Positive + s.Neutral + s.Negative;
}
