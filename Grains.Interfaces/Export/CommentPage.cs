namespace Insights.Export;

/// <summary>A page of a video's comments from the warehouse, oldest first.</summary>
[GenerateSerializer, Immutable, Alias("insights.CommentPage")]
public sealed record CommentPage
{
    [Id(0)] public IReadOnlyList<ExportedComment> Comments { get; init; } = [];
    /// <summary>Pass to get the next page; null on the last page.</summary>
    [Id(1)] public CommentCursor? Next { get; init; }
}
