namespace Insights.Alerts;

/// <summary>
/// A rule that held for a video. What <see cref="Value"/>, <see cref="Baseline"/> and <see cref="Threshold"/> hold
/// depends on <see cref="Rule"/>: the 5-minute and 1-hour sentiment scores and the points between them (sentiment
/// swing); comments per minute in the last 5 minutes, the video's own per-minute rate before them, and the factor
/// (velocity spike); the negative share of the last 5 minutes, that of the hour, and the share (negative share).
/// </summary>
[GenerateSerializer, Immutable, Alias("insights.Alert")]
public sealed record Alert
{
    /// <summary>Unique per alert; receivers use it to drop a repeated delivery.</summary>
    [Id(0)] public string Id { get; init; } = "";
    [Id(1)] public AlertRule Rule { get; init; }
    [Id(2)] public string VideoId { get; init; } = "";
    [Id(3)] public string? Username { get; init; }
    [Id(4)] public string? Description { get; init; }
    [Id(5)] public DateTimeOffset FiredAt { get; init; }
    [Id(6)] public double Value { get; init; }
    [Id(7)] public double Baseline { get; init; }
    [Id(8)] public double Threshold { get; init; }

    /// <summary>Comments of the video in the last 5 minutes.</summary>
    [Id(9)] public long Comments { get; init; }

    /// <summary>One line for people (the <c>text</c> that Slack and Teams incoming webhooks show).</summary>
    [Id(10)] public string Text { get; init; } = "";
}
