namespace Insights.Lake.Records;

using System.Text.Json.Serialization;

/// <summary>A rejected event (or body) with the reason, kept so nothing refused is lost.</summary>
public sealed record QuarantineRecord
{
    [JsonPropertyName("quarantine_id")] public string QuarantineId { get; init; } = "";
    [JsonPropertyName("received_at")] public DateTimeOffset ReceivedAt { get; init; }
    [JsonPropertyName("source")] public string Source { get; init; } = "";
    /// <summary>
    /// <c>ingest</c> (refused by validation), <c>grain</c> (failed while being applied) or <c>stream</c> (a durable
    /// stream message that could not be decoded or kept failing delivery).
    /// </summary>
    [JsonPropertyName("stage")] public string Stage { get; init; } = "";
    [JsonPropertyName("reason")] public string Reason { get; init; } = "";
    [JsonPropertyName("type")] public string? Type { get; init; }
    [JsonPropertyName("id")] public string? Id { get; init; }
    /// <summary>The payload when it was well-formed JSON, verbatim.</summary>
    [JsonPropertyName("payload")] public RawJson? Payload { get; init; }
    /// <summary>The payload as text when it was not JSON (a malformed body), cut at 64 KiB.</summary>
    [JsonPropertyName("payload_text")] public string? PayloadText { get; init; }
}
