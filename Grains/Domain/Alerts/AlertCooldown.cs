namespace Insights.Grains.Domain.Alerts;

using Insights.Alerts;

/// <summary>At most one alert per video and rule per <see cref="Period"/>, over the times kept in state.</summary>
public sealed class AlertCooldown(Dictionary<string, DateTimeOffset> lastFired, TimeSpan period)
{
    public TimeSpan Period { get; } = period;

    /// <summary>True, and the time recorded, when the video's rule has not fired within the period before <paramref name="at"/>.</summary>
    public bool TryEnter(string videoId, AlertRule rule, DateTimeOffset at)
    {
        var key = Key(videoId, rule);
        if (lastFired.TryGetValue(key, out var last) && at - last < Period)
        {
            return false;
        }

        lastFired[key] = at;
        return true;
    }

    /// <summary>Forgets what no longer holds anything back, so the state stays as small as the alerts of one period.</summary>
    public void Prune(DateTimeOffset now)
    {
        foreach (var (key, last) in lastFired)
        {
            if (now - last >= Period)
            {
                lastFired.Remove(key);
            }
        }
    }

    private static string Key(string videoId, AlertRule rule) => $"{videoId}/{rule}";
}
