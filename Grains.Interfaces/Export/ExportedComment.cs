namespace Insights.Export;

/// <summary>One comment of a video as the warehouse holds it (<c>stg_comments</c>): as received, and as scored.</summary>
[GenerateSerializer, Immutable, Alias("insights.ExportedComment")]
public sealed record ExportedComment
{
    [Id(0)] public string CommentId { get; init; } = "";
    [Id(1)] public string VideoId { get; init; } = "";
    [Id(2)] public string? ParentCommentId { get; init; }
    [Id(3)] public string Username { get; init; } = "";
    [Id(4)] public string Text { get; init; } = "";
    [Id(5)] public long LikeCount { get; init; }
    [Id(6)] public long ReplyCount { get; init; }
    [Id(7)] public DateTimeOffset CreateTime { get; init; }
    [Id(8)] public DateTimeOffset IngestedAt { get; init; }
    /// <summary><c>positive</c>, <c>neutral</c> or <c>negative</c>.</summary>
    [Id(9)] public string SentimentLabel { get; init; } = "";
    /// <summary>Compound score in [-1, 1].</summary>
    [Id(10)] public double SentimentScore { get; init; }
    [Id(11)] public double ProbabilityPositive { get; init; }
    [Id(12)] public double ProbabilityNeutral { get; init; }
    [Id(13)] public double ProbabilityNegative { get; init; }
    /// <summary>The scorer and its version, e.g. <c>lexicon/1</c>.</summary>
    [Id(14)] public string Analyzer { get; init; } = "";
    /// <summary>The comment's identified language (ISO 639-1, <c>other</c> or <c>und</c>); empty for rows loaded before it was kept.</summary>
    [Id(15)] public string Language { get; init; } = "";
}
