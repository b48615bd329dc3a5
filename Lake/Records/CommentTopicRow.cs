namespace Insights.Lake.Records;

using System.Text.Json.Serialization;
using Insights.Lake.Writing;

/// <summary>The topic a comment was assigned to (<c>processed/topics/date=.../comment_topics.parquet</c>).</summary>
public sealed class CommentTopicRow
{
    [JsonPropertyName("date")] public DateTime Date { get; set; }
    [JsonPropertyName("comment_id")] public string CommentId { get; set; } = "";
    [JsonPropertyName("video_id"), ParquetDictionary] public string VideoId { get; set; } = "";
    [JsonPropertyName("topic_id"), ParquetDictionary] public string TopicId { get; set; } = "";
    /// <summary>How strongly the comment belongs to the topic, in [0, 1].</summary>
    [JsonPropertyName("weight")] public double Weight { get; set; }
}
