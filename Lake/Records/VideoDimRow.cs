namespace Insights.Lake.Records;

using System.Text.Json.Serialization;
using Insights.Lake.Writing;

/// <summary>Dimension row of a video, overwritten on change (SCD type 1).</summary>
public sealed class VideoDimRow
{
    [JsonPropertyName("video_id")] public string VideoId { get; set; } = "";
    [JsonPropertyName("username")] public string Username { get; set; } = "";
    [JsonPropertyName("create_time")] public DateTime CreateTime { get; set; }
    [JsonPropertyName("region_code"), ParquetDictionary] public string? RegionCode { get; set; }
    [JsonPropertyName("video_description")] public string? VideoDescription { get; set; }
    /// <summary>Comma-separated, so the column stays a plain string in every warehouse.</summary>
    [JsonPropertyName("hashtag_names")] public string HashtagNames { get; set; } = "";
    [JsonPropertyName("music_id")] public string? MusicId { get; set; }
    [JsonPropertyName("duration")] public int Duration { get; set; }
    [JsonPropertyName("updated_at")] public DateTime UpdatedAt { get; set; }
}
