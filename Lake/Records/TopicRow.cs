namespace Insights.Lake.Records;

using System.Text.Json.Serialization;

/// <summary>
/// A topic of one day (<c>processed/topics/date=.../topics.parquet</c>): its label, volume and sentiment. The id is
/// stable through the day's builds and from one day to the next when the topic carries on.
/// </summary>
public sealed class TopicRow
{
    /// <summary>The UTC day (midnight) whose ingested comments were modelled.</summary>
    [JsonPropertyName("date")] public DateTime Date { get; set; }
    [JsonPropertyName("topic_id")] public string TopicId { get; set; } = "";
    [JsonPropertyName("label")] public string Label { get; set; } = "";
    /// <summary>The top terms, most weighty first, joined with ", " (the weights are in <see cref="TopicTermRow"/>).</summary>
    [JsonPropertyName("terms")] public string Terms { get; set; } = "";
    [JsonPropertyName("comments")] public long Comments { get; set; }
    [JsonPropertyName("videos")] public long Videos { get; set; }
    [JsonPropertyName("positive")] public long Positive { get; set; }
    [JsonPropertyName("neutral")] public long Neutral { get; set; }
    [JsonPropertyName("negative")] public long Negative { get; set; }
    /// <summary>Mean compound score in [-1, 1].</summary>
    [JsonPropertyName("mean_score")] public double MeanScore { get; set; }
    /// <summary>(mean positive probability - mean negative probability) x 100, as everywhere else.</summary>
    [JsonPropertyName("sentiment_score")] public double SentimentScore { get; set; }
    /// <summary>Comments of the same topic the day before, or null when the topic is new today.</summary>
    [JsonPropertyName("previous_comments")] public long? PreviousComments { get; set; }
    /// <summary>Name and version of the model that found it.</summary>
    [JsonPropertyName("model")] public string Model { get; set; } = "";
    [JsonPropertyName("built_at")] public DateTime BuiltAt { get; set; }
}
