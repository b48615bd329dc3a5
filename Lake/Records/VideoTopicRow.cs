namespace Insights.Lake.Records;

using System.Text.Json.Serialization;
using Insights.Lake.Writing;

/// <summary>A video's comments on one topic in a day, with their sentiment (<c>processed/topics/date=.../video_topics.parquet</c>).</summary>
public sealed class VideoTopicRow
{
    [JsonPropertyName("date")] public DateTime Date { get; set; }
    [JsonPropertyName("video_id"), ParquetDictionary] public string VideoId { get; set; } = "";
    [JsonPropertyName("topic_id"), ParquetDictionary] public string TopicId { get; set; } = "";
    [JsonPropertyName("comments")] public long Comments { get; set; }
    [JsonPropertyName("positive")] public long Positive { get; set; }
    [JsonPropertyName("neutral")] public long Neutral { get; set; }
    [JsonPropertyName("negative")] public long Negative { get; set; }
    [JsonPropertyName("mean_score")] public double MeanScore { get; set; }
    [JsonPropertyName("sentiment_score")] public double SentimentScore { get; set; }
}
