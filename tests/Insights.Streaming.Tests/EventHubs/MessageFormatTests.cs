namespace Insights.Streaming.Tests.EventHubs;

using System.Text;
using System.Text.Json;
using Insights.Events;
using Insights.Streaming.EventHubs;
using Insights.Streaming.Tests.EventHubs.Support;
using Insights.Wire;

public class MessageFormatTests
{
    private static readonly DateTimeOffset IngestedAt = Wire.Now;
    private static readonly IReadOnlyList<string> NoTags = [];
    private static readonly WireEventParser Parser = new(new IngestLimits(), new ManualClock(Wire.Now));

    public static TheoryData<VideoStreamEvent> Events => new()
    {
        new VideoPublished
        {
            VideoId = "7300000000000000001", IngestedAt = IngestedAt, Username = "chef_ana", CreateTime = Wire.Now.AddHours(-3),
            RegionCode = "US", VideoDescription = "Paella in 30s ü 😍 \"quoted\"", HashtagNames = ["cooking", "fyp"], MusicId = "77", DurationSeconds = 31,
        },
        new VideoPublished { VideoId = "v-minimal", IngestedAt = IngestedAt, Username = "x", CreateTime = Wire.Now.AddDays(-2) },
        new CommentPosted
        {
            VideoId = "7300000000000000001", IngestedAt = IngestedAt, CommentId = "c_1", Text = "this looks amazing 😍\nsecond line",
            LikeCount = 12, ReplyCount = 2, ParentCommentId = "c_0", CreateTime = Wire.Now.AddMinutes(-5), Username = "fan1",
        },
        new CommentPosted { VideoId = "v2", IngestedAt = IngestedAt, CommentId = "c2", Text = "meh", CreateTime = Wire.Now.AddMinutes(-1) },
        new EngagementObserved
        {
            VideoId = "v2", IngestedAt = IngestedAt, ObservedAt = Wire.Now.AddMinutes(-1), ViewCount = 2_000_000, LikeCount = 150, ShareCount = 12,
        },
    };

    [Theory]
    [MemberData(nameof(Events))]
    public void An_event_survives_json_and_the_ingest_parser(VideoStreamEvent original)
    {
        var bytes = EventHubsMessageFormat.Value(original);

        using var doc = JsonDocument.Parse(bytes);
        var parsed = Parser.Parse(doc.RootElement, IngestedAt);

        Assert.True(parsed.IsValid, parsed.Error);
        AssertSame(original, parsed.Event!);
    }

    [Fact]
    public void The_value_is_the_snake_case_wire_item_without_nulls()
    {
        var json = Encoding.UTF8.GetString(EventHubsMessageFormat.Value(new EngagementObserved
        {
            VideoId = "v2", ObservedAt = DateTimeOffset.FromUnixTimeSeconds(1_780_000_000), ViewCount = 5, LikeCount = 4, ShareCount = 3,
        }));

        Assert.Equal("""{"type":"engagement","video_id":"v2","like_count":4,"time":1780000000,"view_count":5,"share_count":3}""", json);
        Assert.Equal("v2", Encoding.UTF8.GetString(EventHubsMessageFormat.Key("v2")));
    }

    [Fact]
    public void Sub_second_times_are_cut_to_the_second_the_wire_carries()
    {
        var e = new CommentPosted { VideoId = "v", CommentId = "c", Text = "t", CreateTime = Wire.Now.AddMinutes(-1).AddMilliseconds(750) };

        Assert.Equal(Wire.Now.AddMinutes(-1).ToUnixTimeSeconds(), EventHubsMessageFormat.ToWire(e).CreateTime);
    }

    private static void AssertSame(VideoStreamEvent expected, VideoStreamEvent actual)
    {
        Assert.Equal(expected.GetType(), actual.GetType());
        switch (expected)
        {
            case VideoPublished v:
                var a = (VideoPublished)actual;
                Assert.Equal(v.HashtagNames, a.HashtagNames);
                Assert.Equal(v with { HashtagNames = NoTags }, a with { HashtagNames = NoTags });
                break;
            default:
                Assert.Equal(expected, actual);
                break;
        }
    }
}
