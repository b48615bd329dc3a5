namespace Insights.Generator.Tests;

using System.Text.Json;
using Azure.Messaging.EventHubs;
using Insights.Wire;

/// <summary>The Event Hubs sink without a hub: the message format, its options and how failures are answered.</summary>
public class EventHubsEventSinkTests
{
    private const string Connection = "Endpoint=sb://example.servicebus.windows.net/;SharedAccessKeyName=send;SharedAccessKey=not-a-key";

    [Fact]
    public void Each_event_is_one_message_of_its_wire_json_keyed_by_its_video()
    {
        var comment = new WireEvent { Type = WireFields.TypeComment, Id = "c1", VideoId = "v1", Text = "it's 🔥", CreateTime = 1_700_000_000 };
        var video = new WireEvent { Type = WireFields.TypeVideo, Id = "v2", Username = "ana", CreateTime = 1_700_000_000 };
        var engagement = new WireEvent { Type = WireFields.TypeEngagement, VideoId = "v3", Time = 1_700_000_000, ViewCount = 5, LikeCount = 1, ShareCount = 0 };

        Assert.Equal("v1", EventHubsWireFormat.PartitionKey(comment));
        Assert.Equal("v2", EventHubsWireFormat.PartitionKey(video));
        Assert.Equal("v3", EventHubsWireFormat.PartitionKey(engagement));

        var data = EventHubsWireFormat.ToEventData(comment);
        Assert.Equal("application/json", data.ContentType);
        Assert.Equal(WireJson.Serialize(comment), data.EventBody.ToString());
        Assert.Empty(data.Properties);

        // The API's parser reads the body back into the same event.
        using var doc = JsonDocument.Parse(data.EventBody.ToMemory());
        var parsed = new WireEventParser(new IngestLimits(), TimeProvider.System).Parse(doc.RootElement, DateTimeOffset.UtcNow);
        Assert.True(parsed.IsValid, parsed.Error);
        Assert.Equal("v1", parsed.Event!.VideoId);
    }

    [Fact]
    public void The_connection_string_comes_from_the_environment_and_the_namespace_from_the_command_line()
    {
        var cl = CommandLines.Parse("--sink", "eventhubs", "--hub", "my-hub");
        Assert.Equal(GeneratorSink.EventHubs, cl.Sink);

        var options = EventHubsEventSinkOptions.From(cl, name => name == EventHubsEventSinkOptions.ConnectionEnvironmentVariable ? Connection : null);
        Assert.Equal((Connection, null, "my-hub"), (options.ConnectionString, options.FullyQualifiedNamespace, options.Hub));

        var entra = EventHubsEventSinkOptions.From(
            CommandLines.Parse("--sink", "eventhubs", "--namespace", "ns.servicebus.windows.net"), _ => Connection);
        Assert.Equal((null, "ns.servicebus.windows.net", "video-events"), (entra.ConnectionString, entra.FullyQualifiedNamespace, entra.Hub));
    }

    [Fact]
    public void Missing_or_malformed_connections_are_refused_without_echoing_the_secret()
    {
        var cl = CommandLines.Parse("--sink", "eventhubs");
        var missing = Assert.Throws<ArgumentException>(() => EventHubsEventSinkOptions.From(cl, _ => null));
        Assert.Contains(EventHubsEventSinkOptions.ConnectionEnvironmentVariable, missing.Message);

        var bad = Assert.Throws<ArgumentException>(() => EventHubsEventSinkOptions.From(cl, _ => "secret-value-not-a-connection-string"));
        Assert.DoesNotContain("secret-value", bad.Message);

        Assert.Throws<ArgumentException>(() => EventHubsEventSinkOptions.From(
            CommandLines.Parse("--sink", "eventhubs", "--namespace", "not a host"), _ => null));
    }

    [Fact]
    public void Hub_options_apply_to_the_eventhubs_sink_only()
    {
        Assert.Contains("--hub applies to --sink eventhubs only", CommandLines.Error("--hub", "h"), StringComparison.Ordinal);
        Assert.Contains("--namespace applies to --sink eventhubs only", CommandLines.Error("--sink", "http", "--namespace", "a.b"), StringComparison.Ordinal);
        Assert.Contains("--api applies to --sink http only", CommandLines.Error("--sink", "eventhubs", "--api", "http://x"), StringComparison.Ordinal);
        Assert.Contains("'kafka' is not http or eventhubs", CommandLines.Error("--sink", "kafka"), StringComparison.Ordinal);
    }

    [Fact]
    public void Failed_sends_are_retried_when_transient_rejected_when_too_large_and_fatal_otherwise()
    {
        Assert.Equal(SinkStatus.Retry, EventHubsEventSink.Classify(new EventHubsException(true, "hub", "busy", EventHubsException.FailureReason.ServiceBusy))!.Value.Status);
        Assert.Equal(SinkStatus.Retry, EventHubsEventSink.Classify(new TimeoutException())!.Value.Status);
        Assert.Equal(SinkStatus.Rejected, EventHubsEventSink.Classify(
            new EventHubsException(false, "hub", "too big", EventHubsException.FailureReason.MessageSizeExceeded))!.Value.Status);
        Assert.Null(EventHubsEventSink.Classify(new EventHubsException(false, "hub", "gone", EventHubsException.FailureReason.ResourceNotFound)));
        Assert.Null(EventHubsEventSink.Classify(new UnauthorizedAccessException("no")));
    }

    [Fact]
    public async Task A_sink_is_created_without_touching_the_network_and_rejects_events_without_a_video()
    {
        await using var sink = new EventHubsEventSink(new EventHubsEventSinkOptions { ConnectionString = Connection, Hub = "h" });
        var results = await sink.SendAsync([new WireEvent { Type = WireFields.TypeComment, Id = "c" }]);
        Assert.Equal(SinkStatus.Rejected, Assert.Single(results).Status);
    }
}
