namespace Insights.Grains.Domain.Alerts;

using System.Globalization;
using Insights.Alerts;

/// <summary>
/// Fires when the comments per minute of the last 5 minutes reach <see cref="Factor"/> times the video's own rate
/// over the rest of the hour (its comments before the last 5 minutes, per minute of the hour it existed: a video
/// published 20 minutes ago has a 15-minute baseline), with at least <see cref="MinComments"/> comments in the 5
/// minutes. A video without comments before them has no baseline of its own and never fires.
/// </summary>
public sealed class VelocitySpikeRule(double factor, int minComments) : IAlertRule
{
    public double Factor { get; } = factor >= 1 ? factor : throw new ArgumentOutOfRangeException(nameof(factor), factor, "must be at least 1");

    public int MinComments { get; } = minComments >= 1 ? minComments : throw new ArgumentOutOfRangeException(nameof(minComments), minComments, "must be at least 1");

    public AlertRule Kind => AlertRule.VelocitySpike;

    public Alert? Evaluate(in AlertWindows windows)
    {
        var recent = windows.FiveMinutes.Comments;
        // The hour is counted in minute buckets and the 5 minutes in 10-second ones: their edges differ by seconds.
        var before = Math.Max(0, windows.OneHour.Comments - recent);
        if (recent < MinComments || before == 0)
        {
            return null;
        }

        var recentRate = recent / AlertWindows.RecentMinutes;
        var baselineRate = before / BaselineMinutes(windows);
        if (recentRate < Factor * baselineRate)
        {
            return null;
        }

        var ratio = recentRate / baselineRate;
        return windows.Fire(
            Kind,
            Math.Round(recentRate, 2),
            Math.Round(baselineRate, 2),
            Factor,
            recent,
            string.Create(CultureInfo.InvariantCulture,
                $"Comment spike on {AlertText.Video(windows)}: {recentRate:0.#} comments per minute in the last 5 minutes, {ratio:0.#} times its {baselineRate:0.##} per minute before ({recent} comments)."));
    }

    public string Describe() => string.Create(CultureInfo.InvariantCulture,
        $"Comment spike: the last 5 minutes' comments per minute reach {Factor:0.##} times the video's own rate over the rest of the hour, with at least {MinComments} comments in the last 5 minutes.");

    /// <summary>The minutes of the hour before the last 5 during which the video existed, when its publication is known.</summary>
    private static double BaselineMinutes(in AlertWindows windows)
    {
        if (windows.Video is not { } video || video.CreateTime == default)
        {
            return AlertWindows.BaselineMinutes;
        }

        var existed = (windows.Now - video.CreateTime).TotalMinutes - AlertWindows.RecentMinutes;
        return Math.Clamp(existed, 1, AlertWindows.BaselineMinutes);
    }
}
