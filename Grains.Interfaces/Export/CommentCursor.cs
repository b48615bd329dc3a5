namespace Insights.Export;

/// <summary>Where a page of comments ends: comments are ordered by creation time, then id.</summary>
[GenerateSerializer, Immutable, Alias("insights.CommentCursor")]
public sealed record CommentCursor(
    [property: Id(0)] DateTimeOffset CreateTime,
    [property: Id(1)] string CommentId);
