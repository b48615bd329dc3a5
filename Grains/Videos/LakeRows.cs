namespace Insights.Grains.Videos;

using System.Text;
using System.Text.Json;
using Insights.Events;
using Insights.Lake.Records;
using Insights.Sentiment;
using Insights.Stats;

/// <summary>How a video grain's events and figures become rows of the processed and quarantine zones.</summary>
public static class LakeRows
{
    public static CommentRow Comment(CommentPosted c, SentimentResult s) => new()
    {
        CommentId = c.CommentId,
        VideoId = c.VideoId,
        ParentCommentId = c.ParentCommentId,
        Username = c.Username,
        Text = Clean(c.Text),
        LikeCount = c.LikeCount,
        ReplyCount = c.ReplyCount,
        CreateTime = c.CreateTime.UtcDateTime,
        IngestedAt = c.IngestedAt.UtcDateTime,
        SentimentLabel = LabelName(s.Label),
        SentimentScore = s.Score,
        ProbabilityPositive = s.Positive,
        ProbabilityNeutral = s.Neutral,
        ProbabilityNegative = s.Negative,
        Analyzer = s.Analyzer,
        Language = s.Language,
    };

    public static VideoSnapshotRow Snapshot(VideoStats stats, long version, DateTimeOffset at)
    {
        var w5 = stats.Windows[WindowNames.FiveMinutes];
        var w1 = stats.Windows[WindowNames.OneHour];
        var w24 = stats.Windows[WindowNames.OneDay];
        return new VideoSnapshotRow
        {
            VideoId = stats.VideoId,
            SnapshotTime = at.UtcDateTime,
            Version = version,
            Views = stats.Totals.Views,
            Likes = stats.Totals.Likes,
            Shares = stats.Totals.Shares,
            Comments = stats.Totals.Comments,
            EngagementRate = stats.EngagementRate,
            Positive = stats.Sentiment.Positive,
            Neutral = stats.Sentiment.Neutral,
            Negative = stats.Sentiment.Negative,
            MeanScore = stats.Sentiment.MeanScore,
            SentimentScore = stats.Sentiment.Score,
            Comments5m = w5.Comments,
            EngagementRate5m = w5.EngagementRate,
            SentimentScore5m = w5.Sentiment.Score,
            Comments1h = w1.Comments,
            EngagementRate1h = w1.EngagementRate,
            SentimentScore1h = w1.Sentiment.Score,
            Comments24h = w24.Comments,
            EngagementRate24h = w24.EngagementRate,
            SentimentScore24h = w24.Sentiment.Score,
            LastEventTime = stats.LastEventTime?.UtcDateTime,
        };
    }

    public static QuarantineRecord Poison(VideoStreamEvent e, Exception ex, DateTimeOffset at) => new()
    {
        QuarantineId = Lake.Zones.QuarantineWriter.NewId(),
        ReceivedAt = at,
        Source = "stream",
        Stage = "grain",
        Reason = $"{ex.GetType().Name}: {ex.Message}",
        Type = e.GetType().Name,
        Id = e.VideoId,
        Payload = new RawJson(JsonSerializer.Serialize(e, e.GetType())),
    };

    /// <summary>
    /// Trimmed, with every run of white space (line breaks and tabs included) made one space: one comment, one line.
    /// </summary>
    /// <summary>The label as the processed zone spells it; constants, because this runs once per comment.</summary>
    public static string LabelName(SentimentLabel label) => label switch
    {
        SentimentLabel.Positive => "positive",
        SentimentLabel.Negative => "negative",
        SentimentLabel.Neutral => "neutral",
        _ => label.ToString().ToLowerInvariant(),
    };

    /// <summary>Trimmed, white space collapsed to single spaces; the text itself when it is clean already (most are).</summary>
    public static string Clean(string text)
    {
        if (IsClean(text))
        {
            return text;
        }

        var sb = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = sb.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                sb.Append(' ');
                pendingSpace = false;
            }

            sb.Append(c);
        }

        return sb.ToString();
    }

    private static bool IsClean(string text)
    {
        if (text.Length == 0)
        {
            return true;
        }

        if (char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1]))
        {
            return false;
        }

        for (var i = 1; i < text.Length; i++)
        {
            if (char.IsWhiteSpace(text[i]) && (text[i] != ' ' || text[i - 1] == ' '))
            {
                return false;
            }
        }

        return true;
    }
}
