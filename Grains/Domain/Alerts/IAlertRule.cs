namespace Insights.Grains.Domain.Alerts;

using Insights.Alerts;

/// <summary>One rule: plain code, given the windows and the time, so it is tested without a cluster.</summary>
public interface IAlertRule
{
    AlertRule Kind { get; }

    /// <summary>The alert when the rule holds (without id; <see cref="Alert.FiredAt"/> is the windows' time), else null.</summary>
    Alert? Evaluate(in AlertWindows windows);

    /// <summary>The rule and its thresholds, in words, for the dashboard.</summary>
    string Describe();
}
