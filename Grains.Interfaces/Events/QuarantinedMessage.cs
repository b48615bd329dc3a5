namespace Insights.Events;

/// <summary>
/// A durable stream message that cannot become video events (undecodable, or an invalid event from a producer other
/// than the API). A stream data adapter turns it into this event on <see cref="StreamNames.QuarantineNamespace"/>
/// instead of throwing, which would stall its queue or partition: the provider then acknowledges it like any other
/// message, and only once the quarantine grain has written it to the quarantine zone.
/// </summary>
[GenerateSerializer, Immutable, Alias("insights.QuarantinedMessage")]
public sealed record QuarantinedMessage
{
    /// <summary>Where it was read, e.g. <c>azure-queue/insights-3</c> or <c>eventhubs/2</c>.</summary>
    [Id(0)] public string Source { get; init; } = "";

    [Id(1)] public string Reason { get; init; } = "";

    /// <summary>What the message was meant to be (an event type, or the provider's message kind).</summary>
    [Id(2)] public string? Type { get; init; }

    /// <summary>The message's identity at its source (a message id, a partition and offset).</summary>
    [Id(3)] public string? Id { get; init; }

    /// <summary>The message as it was read, so it can be inspected and sent again.</summary>
    [Id(4)] public string PayloadText { get; init; } = "";

    [Id(5)] public DateTimeOffset ReceivedAt { get; init; }
}
