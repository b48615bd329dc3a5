namespace Insights.Wire;

using System.Text.Json.Serialization;

/// <summary>
/// One event as producers write it. Times are Unix seconds, as in TikTok's API.
/// Only the fields of the event's <see cref="Type"/> are set; the rest are omitted.
/// </summary>
public sealed record WireEvent
{
    [JsonPropertyName(WireFields.Type)] public string Type { get; init; } = "";
    [JsonPropertyName(WireFields.Id)] public string? Id { get; init; }
    [JsonPropertyName(WireFields.VideoId)] public string? VideoId { get; init; }
    [JsonPropertyName(WireFields.Username)] public string? Username { get; init; }
    [JsonPropertyName(WireFields.CreateTime)] public long? CreateTime { get; init; }
    [JsonPropertyName(WireFields.RegionCode)] public string? RegionCode { get; init; }
    [JsonPropertyName(WireFields.VideoDescription)] public string? VideoDescription { get; init; }
    [JsonPropertyName(WireFields.HashtagNames)] public IReadOnlyList<string>? HashtagNames { get; init; }
    [JsonPropertyName(WireFields.MusicId)] public string? MusicId { get; init; }
    [JsonPropertyName(WireFields.Duration)] public int? Duration { get; init; }
    [JsonPropertyName(WireFields.Text)] public string? Text { get; init; }
    [JsonPropertyName(WireFields.LikeCount)] public long? LikeCount { get; init; }
    [JsonPropertyName(WireFields.ReplyCount)] public long? ReplyCount { get; init; }
    [JsonPropertyName(WireFields.ParentCommentId)] public string? ParentCommentId { get; init; }
    [JsonPropertyName(WireFields.Time)] public long? Time { get; init; }
    [JsonPropertyName(WireFields.ViewCount)] public long? ViewCount { get; init; }
    [JsonPropertyName(WireFields.ShareCount)] public long? ShareCount { get; init; }
}

[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(WireEvent))]
[JsonSerializable(typeof(List<WireEvent>))]
[JsonSerializable(typeof(WireEvent[]))]
public sealed partial class WireJsonContext : JsonSerializerContext;
