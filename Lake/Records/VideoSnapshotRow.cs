namespace Insights.Lake.Records;

using System.Text.Json.Serialization;
using Insights.Lake.Writing;

/// <summary>A video's figures at one flush of its grain. Partitioned by snapshot hour.</summary>
public sealed class VideoSnapshotRow
{
    [JsonPropertyName("video_id"), ParquetDictionary] public string VideoId { get; set; } = "";
    [JsonPropertyName("snapshot_time")] public DateTime SnapshotTime { get; set; }
    /// <summary>The grain's change counter: orders snapshots of one video even within a second.</summary>
    [JsonPropertyName("version")] public long Version { get; set; }
    [JsonPropertyName("views")] public long Views { get; set; }
    [JsonPropertyName("likes")] public long Likes { get; set; }
    [JsonPropertyName("shares")] public long Shares { get; set; }
    [JsonPropertyName("comments")] public long Comments { get; set; }
    [JsonPropertyName("engagement_rate")] public double EngagementRate { get; set; }
    [JsonPropertyName("positive")] public long Positive { get; set; }
    [JsonPropertyName("neutral")] public long Neutral { get; set; }
    [JsonPropertyName("negative")] public long Negative { get; set; }
    [JsonPropertyName("mean_score")] public double MeanScore { get; set; }
    [JsonPropertyName("sentiment_score")] public double SentimentScore { get; set; }
    [JsonPropertyName("comments_5m")] public long Comments5m { get; set; }
    [JsonPropertyName("engagement_rate_5m")] public double EngagementRate5m { get; set; }
    [JsonPropertyName("sentiment_score_5m")] public double SentimentScore5m { get; set; }
    [JsonPropertyName("comments_1h")] public long Comments1h { get; set; }
    [JsonPropertyName("engagement_rate_1h")] public double EngagementRate1h { get; set; }
    [JsonPropertyName("sentiment_score_1h")] public double SentimentScore1h { get; set; }
    [JsonPropertyName("comments_24h")] public long Comments24h { get; set; }
    [JsonPropertyName("engagement_rate_24h")] public double EngagementRate24h { get; set; }
    [JsonPropertyName("sentiment_score_24h")] public double SentimentScore24h { get; set; }
    [JsonPropertyName("last_event_time")] public DateTime? LastEventTime { get; set; }
}
