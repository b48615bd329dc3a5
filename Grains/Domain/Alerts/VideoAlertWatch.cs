namespace Insights.Grains.Domain.Alerts;

using Insights.Alerts;

/// <summary>
/// One video activation's side of the rules: evaluates them when the video changed (or a minute passed, since windows
/// decay) and holds back, in memory, what it already reported within the cool-down. The alerts grain keeps the
/// cool-down that counts, in its state; this only spares it a message per flush while a rule keeps holding.
/// </summary>
public sealed class VideoAlertWatch(AlertRules rules)
{
    private static readonly TimeSpan Recheck = TimeSpan.FromMinutes(1);
    // Created by the first alert reported: most videos never fire one, and every active video holds a watch.
    private Dictionary<AlertRule, DateTimeOffset>? _reported;
    private long _checkedVersion = -1;
    private DateTimeOffset _checkedAt;

    public bool Due(long version, DateTimeOffset now) =>
        rules.Rules.Count > 0 && (version != _checkedVersion || now - _checkedAt >= Recheck);

    /// <summary>The rules that hold and were not reported within the cool-down; the check is recorded.</summary>
    public List<Alert> Check(in AlertWindows windows, long version)
    {
        _checkedVersion = version;
        _checkedAt = windows.Now;
        var fired = rules.Evaluate(windows);
        var now = windows.Now;
        if (_reported is { } reported)
        {
            fired.RemoveAll(a => reported.TryGetValue(a.Rule, out var at) && now - at < rules.Cooldown);
        }

        return fired;
    }

    /// <summary>Called once the alerts grain has them: held back for the cool-down from now on.</summary>
    public void Reported(IEnumerable<Alert> alerts, DateTimeOffset now)
    {
        foreach (var alert in alerts)
        {
            (_reported ??= [])[alert.Rule] = now;
        }
    }
}
