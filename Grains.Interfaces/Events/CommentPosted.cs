namespace Insights.Events;

/// <summary>A comment on a video (fields of the Research API's comment object).</summary>
[GenerateSerializer, Immutable, Alias("insights.CommentPosted")]
public sealed record CommentPosted : VideoStreamEvent
{
    [Id(0)] public string CommentId { get; init; } = "";
    [Id(1)] public string Text { get; init; } = "";
    [Id(2)] public long LikeCount { get; init; }
    [Id(3)] public long ReplyCount { get; init; }
    [Id(4)] public string? ParentCommentId { get; init; }
    [Id(5)] public DateTimeOffset CreateTime { get; init; }
    [Id(6)] public string Username { get; init; } = "";

    public override DateTimeOffset EventTime => CreateTime;
}
