namespace Insights.Events;

/// <summary>A comment on a video (fields of the Research API's comment object).</summary>
public sealed record CommentPosted : VideoStreamEvent
{
    public string CommentId { get; init; } = "";
    public string Text { get; init; } = "";
    public long LikeCount { get; init; }
    public long ReplyCount { get; init; }
    public string? ParentCommentId { get; init; }
    public DateTimeOffset CreateTime { get; init; }
    public string Username { get; init; } = "";

    public override DateTimeOffset EventTime => CreateTime;
}
