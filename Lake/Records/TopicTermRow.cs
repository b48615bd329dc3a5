namespace Insights.Lake.Records;

using System.Text.Json.Serialization;
using Insights.Lake.Writing;

/// <summary>One of a topic's top terms with its weight (<c>processed/topics/date=.../topic_terms.parquet</c>).</summary>
public sealed class TopicTermRow
{
    [JsonPropertyName("date")] public DateTime Date { get; set; }
    [JsonPropertyName("topic_id"), ParquetDictionary] public string TopicId { get; set; } = "";
    /// <summary>1 for the weightiest term.</summary>
    [JsonPropertyName("rank")] public int Rank { get; set; }
    [JsonPropertyName("term")] public string Term { get; set; } = "";
    [JsonPropertyName("weight")] public double Weight { get; set; }
}
