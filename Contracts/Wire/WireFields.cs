namespace Insights.Wire;

/// <summary>JSON field names of the ingestion wire format (snake_case, after TikTok's Research API).</summary>
public static class WireFields
{
    public const string Type = "type";
    public const string Id = "id";
    public const string VideoId = "video_id";
    public const string Username = "username";
    public const string CreateTime = "create_time";
    public const string RegionCode = "region_code";
    public const string VideoDescription = "video_description";
    public const string HashtagNames = "hashtag_names";
    public const string MusicId = "music_id";
    public const string Duration = "duration";
    public const string Text = "text";
    public const string LikeCount = "like_count";
    public const string ReplyCount = "reply_count";
    public const string ParentCommentId = "parent_comment_id";
    public const string Time = "time";
    public const string ViewCount = "view_count";
    public const string ShareCount = "share_count";

    public const string TypeVideo = "video";
    public const string TypeComment = "comment";
    public const string TypeEngagement = "engagement";
}
