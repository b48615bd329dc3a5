namespace Insights.Alerts;

public enum AlertDeliveryState
{
    /// <summary>Not yet acknowledged by the receiver; retried with backoff.</summary>
    Pending,

    /// <summary>The receiver answered 2xx.</summary>
    Delivered,

    /// <summary>Given up: the receiver refused it (4xx other than 408 and 429), or it stayed undelivered too long.</summary>
    Failed,
}

/// <summary>How one alert went to one subscription.</summary>
[GenerateSerializer, Immutable, Alias("insights.AlertDelivery")]
public sealed record AlertDelivery
{
    [Id(0)] public string SubscriptionId { get; init; } = "";
    [Id(1)] public AlertDeliveryState State { get; init; }
    [Id(2)] public int Attempts { get; init; }
    [Id(3)] public DateTimeOffset? LastAttemptAt { get; init; }
    [Id(4)] public DateTimeOffset? DeliveredAt { get; init; }
    [Id(5)] public string? LastError { get; init; }
}

/// <summary>An alert of the history, with its deliveries.</summary>
[GenerateSerializer, Immutable, Alias("insights.AlertRecord")]
public sealed record AlertRecord
{
    [Id(0)] public Alert Alert { get; init; } = new();
    [Id(1)] public IReadOnlyList<AlertDelivery> Deliveries { get; init; } = [];
}
