namespace Insights.Grains.Domain.Alerts;

using System.Globalization;
using Insights.Alerts;

/// <summary>
/// Fires when the 5-minute sentiment score differs from the 1-hour score by more than <see cref="Delta"/> points,
/// with at least <see cref="MinComments"/> comments in the 5 minutes. Windows without scored comments have a score of
/// 0 that is no opinion: they are never compared.
/// </summary>
public sealed class SentimentSwingRule(double delta, int minComments) : IAlertRule
{
    public double Delta { get; } = delta >= 0 ? delta : throw new ArgumentOutOfRangeException(nameof(delta), delta, "must not be negative");

    public int MinComments { get; } = minComments >= 1 ? minComments : throw new ArgumentOutOfRangeException(nameof(minComments), minComments, "must be at least 1");

    public AlertRule Kind => AlertRule.SentimentSwing;

    public Alert? Evaluate(in AlertWindows windows)
    {
        var recent = windows.FiveMinutes;
        var hour = windows.OneHour;
        if (recent.Comments < MinComments || AlertWindows.Scored(recent.Sentiment) == 0 || AlertWindows.Scored(hour.Sentiment) == 0)
        {
            return null;
        }

        var moved = recent.Sentiment.Score - hour.Sentiment.Score;
        if (Math.Abs(moved) <= Delta)
        {
            return null;
        }

        return windows.Fire(
            Kind,
            recent.Sentiment.Score,
            hour.Sentiment.Score,
            Delta,
            recent.Comments,
            string.Create(CultureInfo.InvariantCulture,
                $"Sentiment swing on {AlertText.Video(windows)}: score {AlertText.Signed(recent.Sentiment.Score)} in the last 5 minutes vs {AlertText.Signed(hour.Sentiment.Score)} over the hour ({AlertText.Signed(moved)} points, {recent.Comments} comments)."));
    }

    public string Describe() => string.Create(CultureInfo.InvariantCulture,
        $"Sentiment swing: the 5-minute sentiment score differs from the 1-hour score by more than {Delta:0.##} points, with at least {MinComments} comments in the last 5 minutes.");
}
