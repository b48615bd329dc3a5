namespace Insights.Warehouse.Queries;

using Insights.Export;
using Insights.Warehouse.Targets;

/// <summary>
/// A video's comments from <c>stg_comments</c>, a page at a time in (creation time, comment id) order: keyset
/// pagination, so each page is one indexed range read however deep the export goes.
/// </summary>
public static class VideoCommentsQuery
{
    public const int MaxPageSize = 10_000;

    public static async Task<CommentPage> RunAsync(
        IWarehouseTarget target, string videoId, CommentCursor? after, int pageSize, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(pageSize, MaxPageSize);
        var d = target.Dialect;
        var parameters = new Dictionary<string, object?> { ["video_id"] = videoId };
        var where = $"video_id = {d.Parameter("video_id")}";
        if (after is not null)
        {
            where += $" AND (commented_at > {d.Parameter("after_time")} OR (commented_at = {d.Parameter("after_time")} AND comment_id > {d.Parameter("after_id")}))";
            parameters["after_time"] = DateTime.SpecifyKind(after.CreateTime.UtcDateTime, DateTimeKind.Unspecified);
            parameters["after_id"] = after.CommentId;
        }

        var result = await target.QueryAsync(
            d.FirstRows(
                "SELECT comment_id, video_id, parent_comment_id, username, comment_text, like_count, reply_count, commented_at, ingested_at, "
                + "sentiment_label, sentiment_score, probability_positive, probability_neutral, probability_negative, analyzer, language "
                + $"FROM {d.Relation("stg_comments")} WHERE {where} ORDER BY commented_at, comment_id",
                pageSize),
            parameters,
            cancellationToken);

        var comments = new List<ExportedComment>(result.Rows.Count);
        for (var i = 0; i < result.Rows.Count; i++)
        {
            comments.Add(new ExportedComment
            {
                CommentId = result.Value<string>(i, "comment_id")!,
                VideoId = result.Value<string>(i, "video_id")!,
                ParentCommentId = result.Value<string>(i, "parent_comment_id"),
                Username = result.Value<string>(i, "username") ?? "",
                Text = result.Value<string>(i, "comment_text") ?? "",
                LikeCount = result.Value<long>(i, "like_count"),
                ReplyCount = result.Value<long>(i, "reply_count"),
                CreateTime = Utc(result.Value<DateTime>(i, "commented_at")),
                IngestedAt = Utc(result.Value<DateTime>(i, "ingested_at")),
                SentimentLabel = result.Value<string>(i, "sentiment_label") ?? "",
                SentimentScore = result.Value<double>(i, "sentiment_score"),
                ProbabilityPositive = result.Value<double>(i, "probability_positive"),
                ProbabilityNeutral = result.Value<double>(i, "probability_neutral"),
                ProbabilityNegative = result.Value<double>(i, "probability_negative"),
                Analyzer = result.Value<string>(i, "analyzer") ?? "",
                Language = result.Value<string>(i, "language") ?? "",
            });
        }

        return new CommentPage
        {
            Comments = comments,
            Next = comments.Count == pageSize ? new CommentCursor(comments[^1].CreateTime, comments[^1].CommentId) : null,
        };
    }

    private static DateTimeOffset Utc(DateTime time) => new(DateTime.SpecifyKind(time, DateTimeKind.Utc));
}
