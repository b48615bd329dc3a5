namespace Insights.Stats;

using Insights.Sentiment;

[GenerateSerializer, Immutable, Alias("insights.RecentComment")]
public sealed record RecentComment
{
    [Id(0)] public string CommentId { get; init; } = "";
    [Id(1)] public string Username { get; init; } = "";
    [Id(2)] public string Text { get; init; } = "";
    [Id(3)] public DateTimeOffset CreateTime { get; init; }
    [Id(4)] public SentimentLabel Label { get; init; }
    [Id(5)] public double Score { get; init; }
    /// <summary>Name and version of the analyzer that scored the comment.</summary>
    [Id(6)] public string Analyzer { get; init; } = "";
    /// <summary>The comment's language as identified before scoring: ISO 639-1, <c>other</c> or <c>und</c>.</summary>
    [Id(7)] public string Language { get; init; } = SentimentResult.Undetermined;
}
