namespace Insights.Streaming.Tests.EventHubs;

using System.Text;
using Azure.Messaging.EventHubs;
using Insights.Events;
using Insights.Streaming.EventHubs;
using Insights.Streaming.Tests.EventHubs.Support;
using Insights.Wire;
using Orleans.Runtime;

/// <summary>
/// <see cref="InsightsEventHubDataAdapter"/> on <see cref="EventData"/> built in tests, run through the calls the
/// provider's cache makes: position (stream), cached message, batch container, offset.
/// </summary>
public class DataAdapterTests
{
    private readonly InsightsEventHubDataAdapter _adapter = new(TestSerialization.Serializer, new WireEventParser(new IngestLimits(), TimeProvider.System), TimeProvider.System);

    private (StreamId Stream, List<object> Events) Read(EventData data, string partition = "3")
    {
        var position = _adapter.GetStreamPosition(partition, data);
        var cached = _adapter.FromQueueMessage(position, data, DateTime.UtcNow, size => new ArraySegment<byte>(new byte[size]));
        Assert.Equal(data.OffsetString, _adapter.GetOffset(cached));
        Assert.Equal(data.SequenceNumber, cached.SequenceNumber);
        var container = _adapter.GetBatchContainer(ref cached);
        Assert.Equal(position.StreamId, container.StreamId);
        return (container.StreamId, container.GetEvents<object>().Select(t => t.Item1).ToList());
    }

    private QuarantinedMessage Quarantined(EventData data, string partition = "3")
    {
        var (stream, events) = Read(data, partition);
        Assert.Equal(StreamId.Create(StreamNames.QuarantineNamespace, "eventhubs/" + partition), stream);
        var message = Assert.IsType<QuarantinedMessage>(Assert.Single(events));
        Assert.Equal("eventhubs/" + partition, message.Source);
        return message;
    }

    [Fact]
    public void A_wire_comment_keyed_by_its_video_becomes_the_event_the_api_would_publish()
    {
        var (stream, events) = Read(HubEvents.Json(HubEvents.Comment("v1", "c1", "so good"), "v1"));

        Assert.Equal(StreamId.Create(StreamNames.VideoNamespace, "v1"), stream);
        var comment = Assert.IsType<CommentPosted>(Assert.Single(events));
        Assert.Equal(("v1", "c1", "so good"), (comment.VideoId, comment.CommentId, comment.Text));
        Assert.True(comment.IngestedAt > DateTimeOffset.UtcNow.AddMinutes(-1));
    }

    [Fact]
    public void Videos_and_engagement_observations_are_read_too_and_a_message_without_a_key_is_taken()
    {
        var now = DateTimeOffset.UtcNow.AddMinutes(-1).ToUnixTimeSeconds();
        var video = Read(HubEvents.Json($$"""{"type":"video","id":"v2","username":"ana","create_time":{{now}},"hashtag_names":["a"]}""", "v2"));
        Assert.Equal("v2", Assert.IsType<VideoPublished>(Assert.Single(video.Events)).VideoId);

        var engagement = Read(HubEvents.Json($$"""{"type":"engagement","video_id":"v3","time":{{now}},"view_count":10,"like_count":2,"share_count":1}""", null));
        Assert.Equal(StreamId.Create(StreamNames.VideoNamespace, "v3"), engagement.Stream);
        Assert.Equal(10, Assert.IsType<EngagementObserved>(Assert.Single(engagement.Events)).ViewCount);
    }

    [Fact]
    public void An_invalid_event_goes_to_its_partitions_quarantine_stream_with_the_parsers_reason_and_its_text()
    {
        var json = """{"type":"comment","id":"c9","video_id":"v1","create_time":1700000000}""";
        var message = Quarantined(HubEvents.Json(json, "v1"), partition: "7");

        Assert.Contains("text", message.Reason);
        Assert.Equal(("comment", "c9", json), (message.Type, message.Id, message.PayloadText));
    }

    [Theory]
    [InlineData("{\"type\":\"comment\"", "not valid JSON")]
    [InlineData("", "no body")]
    [InlineData("[1,2]", "JSON object")]
    [InlineData("{\"type\":\"tweet\"}", "unknown event type")]
    public void Bodies_that_are_not_one_valid_event_are_quarantined_with_their_reason(string body, string reason)
    {
        var message = Quarantined(HubEvents.Json(body, "v1"));
        Assert.Contains(reason, message.Reason, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(body, message.PayloadText);
        Assert.Contains("offset", message.Id);
    }

    [Fact]
    public void Invalid_utf8_and_deep_json_are_quarantined_not_thrown()
    {
        var bytes = Encoding.UTF8.GetBytes(HubEvents.Comment("v1", "c1")).Concat(new byte[] { 0xff, 0xfe }).ToArray();
        Assert.Contains("UTF-8", Quarantined(HubEvents.Received(bytes, "v1", 1)).Reason);

        var deep = new string('[', 100) + new string(']', 100);
        Assert.Contains("JSON", Quarantined(HubEvents.Json(deep, "v1")).Reason);
    }

    [Fact]
    public void An_event_in_another_videos_partition_is_quarantined()
    {
        var message = Quarantined(HubEvents.Json(HubEvents.Comment("v1", "c1"), "v2"));
        Assert.Contains("partition key", message.Reason);
    }

    [Fact]
    public void The_apis_orleans_messages_keep_working_through_the_same_adapter()
    {
        var sent = new List<VideoStreamEvent>
        {
            new CommentPosted { VideoId = "api-1", CommentId = "a", Text = "hi", CreateTime = DateTimeOffset.UtcNow },
            new EngagementObserved { VideoId = "api-1", ObservedAt = DateTimeOffset.UtcNow, ViewCount = 3 },
        };

        var (stream, events) = Read(HubEvents.Orleans(TestSerialization.Serializer, "api-1", sent));

        Assert.Equal(StreamId.Create(StreamNames.VideoNamespace, "api-1"), stream);
        Assert.Equal(sent, events.Cast<VideoStreamEvent>());
    }

    [Fact]
    public void An_orleans_message_whose_body_does_not_deserialize_is_quarantined()
    {
        var properties = new Dictionary<string, object> { ["StreamNamespace"] = StreamNames.VideoNamespace };
        var message = Quarantined(HubEvents.Received(new byte[] { 1, 2, 3, 4, 5 }, "api-1", 1, properties));

        Assert.Contains("could not be deserialized", message.Reason);
        Assert.Equal("orleans", message.Type);
    }

    [Fact]
    public void The_cached_message_keeps_the_position_the_checkpointer_needs()
    {
        var data = HubEvents.Json(HubEvents.Comment("v1", "c1"), "v1", sequenceNumber: 42);
        var position = _adapter.GetStreamPosition("0", data);
        var cached = _adapter.FromQueueMessage(position, data, DateTime.UtcNow, size => new ArraySegment<byte>(new byte[size]));

        Assert.Equal("4200", _adapter.GetOffset(cached));
        var token = Assert.IsType<Orleans.Streaming.EventHubs.EventHubSequenceTokenV2>(_adapter.GetBatchContainer(ref cached).SequenceToken);
        Assert.Equal(("4200", 42L), (token.EventHubOffset, token.SequenceNumber));
    }
}
