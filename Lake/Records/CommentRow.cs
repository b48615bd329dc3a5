namespace Insights.Lake.Records;

using System.Text.Json.Serialization;
using Insights.Lake.Writing;

/// <summary>
/// A processed comment: deduplicated, cleaned (trimmed, white space collapsed to single spaces), scored. Partitioned by ingest hour, so a
/// replay of raw hours rewrites exactly the matching processed hours.
/// </summary>
public sealed class CommentRow
{
    [JsonPropertyName("comment_id")] public string CommentId { get; set; } = "";
    [JsonPropertyName("video_id"), ParquetDictionary] public string VideoId { get; set; } = "";
    [JsonPropertyName("parent_comment_id")] public string? ParentCommentId { get; set; }
    [JsonPropertyName("username"), ParquetDictionary] public string Username { get; set; } = "";
    [JsonPropertyName("text")] public string Text { get; set; } = "";
    [JsonPropertyName("like_count")] public long LikeCount { get; set; }
    [JsonPropertyName("reply_count")] public long ReplyCount { get; set; }
    [JsonPropertyName("create_time")] public DateTime CreateTime { get; set; }
    [JsonPropertyName("ingested_at")] public DateTime IngestedAt { get; set; }
    [JsonPropertyName("sentiment_label"), ParquetDictionary] public string SentimentLabel { get; set; } = "";
    [JsonPropertyName("sentiment_score")] public double SentimentScore { get; set; }
    [JsonPropertyName("probability_positive")] public double ProbabilityPositive { get; set; }
    [JsonPropertyName("probability_neutral")] public double ProbabilityNeutral { get; set; }
    [JsonPropertyName("probability_negative")] public double ProbabilityNegative { get; set; }
    /// <summary>Name and version of the analyzer that scored the comment.</summary>
    [JsonPropertyName("analyzer"), ParquetDictionary] public string Analyzer { get; set; } = "";
    /// <summary>The comment's language as identified before scoring: ISO 639-1, <c>other</c> or <c>und</c>.</summary>
    [JsonPropertyName("language"), ParquetDictionary] public string Language { get; set; } = "und";
}
