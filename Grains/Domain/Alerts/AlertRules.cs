namespace Insights.Grains.Domain.Alerts;

using Insights.Alerts;

/// <summary>The enabled rules of <see cref="AlertOptions"/>; one instance per silo, shared by the video grains.</summary>
public sealed class AlertRules
{
    private readonly string? _dashboardUrl;

    public AlertRules(AlertOptions options)
    {
        var rules = new List<IAlertRule>();
        if (options.Enabled)
        {
            if (options.SentimentSwing.Enabled)
            {
                rules.Add(new SentimentSwingRule(options.SentimentSwing.Delta, options.SentimentSwing.MinComments));
            }

            if (options.VelocitySpike.Enabled)
            {
                rules.Add(new VelocitySpikeRule(options.VelocitySpike.Factor, options.VelocitySpike.MinComments));
            }

            if (options.NegativeShare.Enabled)
            {
                rules.Add(new NegativeShareRule(options.NegativeShare.Threshold, options.NegativeShare.MinComments));
            }
        }

        Rules = rules;
        Cooldown = options.Cooldown;
        _dashboardUrl = options.DashboardUrl;
    }

    public IReadOnlyList<IAlertRule> Rules { get; }

    public TimeSpan Cooldown { get; }

    /// <summary>Every rule that holds, each an alert with a new id.</summary>
    public List<Alert> Evaluate(in AlertWindows windows)
    {
        var fired = new List<Alert>();
        foreach (var rule in Rules)
        {
            if (rule.Evaluate(windows) is { } alert)
            {
                fired.Add(alert with
                {
                    Id = Guid.NewGuid().ToString("N"),
                    Text = AlertText.WithLink(alert.Text, alert.VideoId, _dashboardUrl),
                });
            }
        }

        return fired;
    }

    public IReadOnlyList<string> Describe() => Rules.Select(r => r.Describe()).ToList();
}
