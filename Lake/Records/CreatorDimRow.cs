namespace Insights.Lake.Records;

using System.Text.Json.Serialization;

/// <summary>Dimension row of a creator, overwritten on change (SCD type 1).</summary>
public sealed class CreatorDimRow
{
    [JsonPropertyName("username")] public string Username { get; set; } = "";
    [JsonPropertyName("video_count")] public int VideoCount { get; set; }
    [JsonPropertyName("first_video_time")] public DateTime FirstVideoTime { get; set; }
    [JsonPropertyName("last_video_time")] public DateTime LastVideoTime { get; set; }
    [JsonPropertyName("updated_at")] public DateTime UpdatedAt { get; set; }
}
