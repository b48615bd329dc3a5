namespace Insights.Alerts;

/// <summary>The rules the cluster evaluates on every video (<c>Insights:Alerts</c>).</summary>
public enum AlertRule
{
    /// <summary>The 5-minute sentiment score moved away from the 1-hour score.</summary>
    SentimentSwing,

    /// <summary>The last 5 minutes' comments per minute against the video's own rate over the rest of the hour.</summary>
    VelocitySpike,

    /// <summary>The share of negative comments of the last 5 minutes.</summary>
    NegativeShare,
}
