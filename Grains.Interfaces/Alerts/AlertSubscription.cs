namespace Insights.Alerts;

/// <summary>A webhook that receives every alert fired after it was created; its secret is shown only once.</summary>
[GenerateSerializer, Immutable, Alias("insights.AlertSubscription")]
public sealed record AlertSubscription
{
    [Id(0)] public string Id { get; init; } = "";
    [Id(1)] public string Url { get; init; } = "";
    [Id(2)] public string? Description { get; init; }
    [Id(3)] public DateTimeOffset CreatedAt { get; init; }
}

/// <summary>A new subscription with its signing secret: the only answer that carries the secret.</summary>
[GenerateSerializer, Immutable, Alias("insights.CreatedAlertSubscription")]
public sealed record CreatedAlertSubscription
{
    [Id(0)] public AlertSubscription Subscription { get; init; } = new();

    /// <summary>The HMAC-SHA256 key of the deliveries' <c>X-Insights-Signature</c> (its UTF-8 bytes).</summary>
    [Id(1)] public string Secret { get; init; } = "";
}
