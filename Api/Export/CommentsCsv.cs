namespace Insights.Api.Export;

using Insights.Export;

/// <summary>A video's comments with their sentiment as CSV, one line per comment.</summary>
public static class CommentsCsv
{
    public static readonly string[] Columns =
    [
        "comment_id", "video_id", "parent_comment_id", "username", "text", "like_count", "reply_count", "create_time", "ingested_at",
        "sentiment_label", "sentiment_score", "probability_positive", "probability_neutral", "probability_negative", "analyzer", "language",
    ];

    public static string Header() => new CsvWriter().Header(Columns).Output.ToString();

    public static string Lines(IEnumerable<ExportedComment> comments)
    {
        var csv = new CsvWriter();
        foreach (var c in comments)
        {
            csv.Text(c.CommentId).Text(c.VideoId).Text(c.ParentCommentId).Text(c.Username).Text(c.Text)
                .Number(c.LikeCount).Number(c.ReplyCount).Time(c.CreateTime).Time(c.IngestedAt)
                .Text(c.SentimentLabel).Number(c.SentimentScore).Number(c.ProbabilityPositive).Number(c.ProbabilityNeutral)
                .Number(c.ProbabilityNegative).Text(c.Analyzer).Text(c.Language)
                .EndLine();
        }

        return csv.Output.ToString();
    }
}
