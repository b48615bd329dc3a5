namespace Insights.Streaming.EventHubs;

using System.Text;
using System.Text.Json;
using Insights.Events;
using Insights.Wire;

/// <summary>
/// One Kafka message per event: key = the video id (UTF-8), value = the event as one item of <c>POST /api/events</c>
/// (UTF-8 JSON, snake_case). Whoever produces (the generator, the API through Orleans, another system) writes this.
/// </summary>
public static class EventHubsMessageFormat
{
    /// <summary>
    /// Set by the API's producer: the API already landed the event in the raw zone, so the silo must not land it again.
    /// </summary>
    public const string RawLandedHeader = "insights-raw-landed";

    public static byte[] Key(string videoId) => Encoding.UTF8.GetBytes(videoId);

    public static byte[] Value(WireEvent e) => JsonSerializer.SerializeToUtf8Bytes(e, WireJsonContext.Default.WireEvent);

    public static byte[] Value(VideoStreamEvent e) => Value(ToWire(e));

    /// <summary>
    /// The wire form <see cref="WireEventParser"/> reads back into an equal event, but for what the wire does not carry:
    /// <see cref="VideoStreamEvent.IngestedAt"/> (stamped by the reader) and sub-second times (the wire has Unix seconds).
    /// </summary>
    public static WireEvent ToWire(VideoStreamEvent e) => e switch
    {
        VideoPublished v => new WireEvent
        {
            Type = WireFields.TypeVideo,
            Id = v.VideoId,
            Username = v.Username,
            CreateTime = v.CreateTime.ToUnixTimeSeconds(),
            RegionCode = v.RegionCode,
            VideoDescription = v.VideoDescription,
            HashtagNames = v.HashtagNames.Count > 0 ? v.HashtagNames : null,
            MusicId = v.MusicId,
            Duration = v.DurationSeconds,
        },
        CommentPosted c => new WireEvent
        {
            Type = WireFields.TypeComment,
            Id = c.CommentId,
            VideoId = c.VideoId,
            Text = c.Text,
            LikeCount = c.LikeCount,
            ReplyCount = c.ReplyCount,
            ParentCommentId = c.ParentCommentId,
            CreateTime = c.CreateTime.ToUnixTimeSeconds(),
            Username = c.Username.Length > 0 ? c.Username : null,
        },
        EngagementObserved o => new WireEvent
        {
            Type = WireFields.TypeEngagement,
            VideoId = o.VideoId,
            Time = o.ObservedAt.ToUnixTimeSeconds(),
            ViewCount = o.ViewCount,
            LikeCount = o.LikeCount,
            ShareCount = o.ShareCount,
        },
        null => throw new ArgumentNullException(nameof(e)),
        _ => throw new NotSupportedException($"No wire form for event type {e.GetType().Name}."),
    };
}
