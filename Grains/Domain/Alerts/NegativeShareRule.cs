namespace Insights.Grains.Domain.Alerts;

using System.Globalization;
using Insights.Alerts;

/// <summary>
/// Fires when at least <see cref="Threshold"/> of the scored comments of the last 5 minutes are negative, with at
/// least <see cref="MinComments"/> scored comments in them.
/// </summary>
public sealed class NegativeShareRule(double threshold, int minComments) : IAlertRule
{
    public double Threshold { get; } = threshold is > 0 and <= 1 ? threshold : throw new ArgumentOutOfRangeException(nameof(threshold), threshold, "must be above 0 and at most 1");

    public int MinComments { get; } = minComments >= 1 ? minComments : throw new ArgumentOutOfRangeException(nameof(minComments), minComments, "must be at least 1");

    public AlertRule Kind => AlertRule.NegativeShare;

    public Alert? Evaluate(in AlertWindows windows)
    {
        var recent = windows.FiveMinutes.Sentiment;
        var scored = AlertWindows.Scored(recent);
        if (scored < MinComments)
        {
            return null;
        }

        var share = (double)recent.Negative / scored;
        if (share < Threshold)
        {
            return null;
        }

        var hour = windows.OneHour.Sentiment;
        var hourScored = AlertWindows.Scored(hour);
        var hourShare = hourScored == 0 ? 0 : (double)hour.Negative / hourScored;
        return windows.Fire(
            Kind,
            Math.Round(share, 4),
            Math.Round(hourShare, 4),
            Threshold,
            windows.FiveMinutes.Comments,
            string.Create(CultureInfo.InvariantCulture,
                $"Negative comments on {AlertText.Video(windows)}: {share:0%} of the last 5 minutes' {scored} scored comments are negative ({hourShare:0%} over the hour)."));
    }

    public string Describe() => string.Create(CultureInfo.InvariantCulture,
        $"Negative share: at least {Threshold:0.#%} of the last 5 minutes' scored comments are negative, with at least {MinComments} of them.");
}
