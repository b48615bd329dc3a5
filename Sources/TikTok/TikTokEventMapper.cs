namespace Insights.Sources.TikTok;

using System.Text;
using Insights.Wire;

/// <summary>Turns Research API objects into Insights' wire events.</summary>
public static class TikTokEventMapper
{
    /// <summary>
    /// The <c>video</c> event of a video (null without the id, username or create_time it requires) and its
    /// <c>engagement</c> event: the counters observed at <paramref name="observedAt"/>, the time of the poll (null
    /// when a counter is missing).
    /// </summary>
    public static (WireEvent? Video, WireEvent? Engagement) FromVideo(ResearchVideo video, DateTimeOffset observedAt)
    {
        if (string.IsNullOrEmpty(video.Id))
        {
            return (null, null);
        }

        WireEvent? published = null;
        if (!string.IsNullOrEmpty(video.Username) && video.CreateTime is { } createTime)
        {
            published = new WireEvent
            {
                Type = WireFields.TypeVideo,
                Id = video.Id,
                Username = video.Username,
                CreateTime = createTime,
                RegionCode = NullIfEmpty(video.RegionCode),
                VideoDescription = Clean(video.VideoDescription),
                HashtagNames = video.HashtagNames?.Select(h => Clean(h) ?? "").Where(h => h.Length > 0).ToList(),
                MusicId = NullIfEmpty(video.MusicId),
            };
        }

        WireEvent? engagement = null;
        if (video is { ViewCount: { } views, LikeCount: { } likes, ShareCount: { } shares })
        {
            engagement = new WireEvent
            {
                Type = WireFields.TypeEngagement,
                VideoId = video.Id,
                Time = observedAt.ToUnixTimeSeconds(),
                ViewCount = views,
                LikeCount = likes,
                ShareCount = shares,
            };
        }

        return (published, engagement);
    }

    /// <summary>The <c>comment</c> event of a comment of <paramref name="videoId"/>.</summary>
    public static WireEvent FromComment(ResearchComment comment, string videoId) => new()
    {
        Type = WireFields.TypeComment,
        Id = comment.Id,
        VideoId = string.IsNullOrEmpty(comment.VideoId) ? videoId : comment.VideoId,
        Text = Clean(comment.Text),
        CreateTime = comment.CreateTime,
        LikeCount = comment.LikeCount,
        ReplyCount = comment.ReplyCount,
        ParentCommentId = NullIfEmpty(comment.ParentCommentId),
    };

    private static string? NullIfEmpty(string? s) => string.IsNullOrEmpty(s) ? null : s;

    /// <summary>
    /// Text as Insights stores it (<see cref="TextRules"/>): control characters other than tab and line breaks become
    /// spaces and lone surrogates U+FFFD, so one odd character does not cost a whole comment.
    /// </summary>
    public static string? Clean(string? s)
    {
        if (s is null || TextRules.FindProblem(s) is null)
        {
            return s;
        }

        var b = new StringBuilder(s.Length);
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            if (char.IsHighSurrogate(c) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
            {
                b.Append(c).Append(s[++i]);
            }
            else if (char.IsSurrogate(c))
            {
                b.Append('\uFFFD');
            }
            else if (char.IsControl(c) && c is not ('\n' or '\r' or '\t'))
            {
                b.Append(' ');
            }
            else
            {
                b.Append(c);
            }
        }

        return b.ToString();
    }
}
