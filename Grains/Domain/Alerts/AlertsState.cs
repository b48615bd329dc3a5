namespace Insights.Grains.Domain.Alerts;

using Insights.Alerts;

/// <summary>Everything the alerts grain persists. Mutated only through <see cref="AlertBook"/>.</summary>
[GenerateSerializer, Alias("insights.AlertsState")]
public sealed class AlertsState
{
    [Id(0)] public List<WebhookSubscription> Subscriptions { get; set; } = [];

    /// <summary>Oldest first, at most <see cref="AlertOptions.HistorySize"/>.</summary>
    [Id(1)] public List<AlertRecord> History { get; set; } = [];

    /// <summary>When each video and rule last fired (key <c>videoId/rule</c>), kept for the cool-down.</summary>
    [Id(2)] public Dictionary<string, DateTimeOffset> LastFired { get; set; } = new(StringComparer.Ordinal);

    [Id(3)] public List<PendingDelivery> Outbox { get; set; } = [];
}

/// <summary>A subscription as kept, with its secret.</summary>
[GenerateSerializer, Alias("insights.WebhookSubscription")]
public sealed class WebhookSubscription
{
    [Id(0)] public string Id { get; set; } = "";
    [Id(1)] public string Url { get; set; } = "";
    [Id(2)] public string? Description { get; set; }
    [Id(3)] public DateTimeOffset CreatedAt { get; set; }
    [Id(4)] public string Secret { get; set; } = "";

    public AlertSubscription ToView() => new() { Id = Id, Url = Url, Description = Description, CreatedAt = CreatedAt };
}

/// <summary>One alert still to be sent to one subscription: the outbox entry, kept until delivered or given up.</summary>
[GenerateSerializer, Alias("insights.PendingDelivery")]
public sealed class PendingDelivery
{
    [Id(0)] public Alert Alert { get; set; } = new();
    [Id(1)] public string SubscriptionId { get; set; } = "";
    [Id(2)] public int Attempts { get; set; }
    [Id(3)] public DateTimeOffset NextAttemptAt { get; set; }
    [Id(4)] public string? LastError { get; set; }
    [Id(5)] public DateTimeOffset? LastAttemptAt { get; set; }
}
