namespace Insights.Grains.Videos;

using Insights.Grains.Domain.Alerts;
using Insights.Stats;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

/// <summary>
/// The video's alert rules, evaluated on the flush timer from its own windows; what holds goes to the alerts grain,
/// which keeps the cool-down and delivers. Silos without <see cref="AlertRules"/> registered evaluate nothing.
/// </summary>
public sealed partial class VideoGrain
{
    private VideoAlertWatch? _alertWatch;

    private async Task CheckAlertsAsync()
    {
        var now = _clock.GetUtcNow();
        _alertWatch ??= ServiceProvider.GetService<AlertRules>() is { } rules ? new VideoAlertWatch(rules) : null;
        if (_alertWatch is not { } watch || !_aggregate.Exists || !watch.Due(_aggregate.Version, now))
        {
            return;
        }

        var windows = _aggregate.ToSummary(now).Windows;
        var fired = watch.Check(
            new AlertWindows(_aggregate.VideoId, _aggregate.Video, windows[WindowNames.FiveMinutes], windows[WindowNames.OneHour], now),
            _aggregate.Version);
        if (fired.Count == 0)
        {
            return;
        }

        try
        {
            await GrainFactory.GetGrain<IAlertsGrain>(IAlertsGrain.GlobalKey).Fire(fired);
            watch.Reported(fired, now);
        }
        catch (Exception ex)
        {
            // Not reported as held back: the next check sends them again.
            LogAlertsFailed(_aggregate.VideoId, fired.Count, ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Video {VideoId}: reporting {Count} alerts failed; the next flush tries again")]
    private partial void LogAlertsFailed(string videoId, int count, Exception ex);
}
