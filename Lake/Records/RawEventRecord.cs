namespace Insights.Lake.Records;

using System.Text.Json.Serialization;

/// <summary>One accepted event in the raw zone: the event exactly as received plus how it came in.</summary>
public sealed record RawEventRecord
{
    [JsonPropertyName("received_at")] public DateTimeOffset ReceivedAt { get; init; }
    /// <summary>Where it came from: <c>api</c>, or a stream source such as <c>eventhubs</c>.</summary>
    [JsonPropertyName("source")] public string Source { get; init; } = "";
    [JsonPropertyName("partition")] public string? Partition { get; init; }
    [JsonPropertyName("offset")] public long? Offset { get; init; }
    /// <summary>Identifies the request or source batch; with <see cref="Index"/> it names the event uniquely.</summary>
    [JsonPropertyName("batch_id")] public string BatchId { get; init; } = "";
    [JsonPropertyName("index")] public int Index { get; init; }
    [JsonPropertyName("type")] public string Type { get; init; } = "";
    [JsonPropertyName("event")] public RawJson Event { get; init; }
}
