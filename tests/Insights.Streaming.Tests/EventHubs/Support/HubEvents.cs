namespace Insights.Streaming.Tests.EventHubs.Support;

using System.Globalization;
using System.Text;
using Azure.Messaging.EventHubs;
using Insights.Events;
using Orleans.Runtime;
using Orleans.Serialization;
using Orleans.Streaming.EventHubs;

/// <summary><see cref="EventData"/> as the hub hands it to a receiver, built in tests.</summary>
public static class HubEvents
{
    /// <summary>A received message: body, partition key, application properties, and the broker's position.</summary>
    public static EventData Received(ReadOnlyMemory<byte> body, string? partitionKey, long sequenceNumber, IDictionary<string, object>? properties = null) =>
        EventHubsModelFactory.EventData(
            new BinaryData(body),
            properties: properties ?? new Dictionary<string, object>(),
            systemProperties: null,
            partitionKey: partitionKey,
            sequenceNumber: sequenceNumber,
            offsetString: (sequenceNumber * 100).ToString(CultureInfo.InvariantCulture),
            enqueuedTime: DateTimeOffset.UtcNow);

    public static EventData Json(string json, string? partitionKey, long sequenceNumber = 1) =>
        Received(Encoding.UTF8.GetBytes(json), partitionKey, sequenceNumber);

    /// <summary>As the API's Orleans client publishes: the provider's Orleans body with the stream namespace property.</summary>
    public static EventData Orleans(Serializer serializer, string videoId, IReadOnlyList<VideoStreamEvent> events, long sequenceNumber = 1) =>
        FromProducer(EventHubBatchContainer.ToEventData(serializer, StreamId.Create(StreamNames.VideoNamespace, videoId), events, null), videoId, sequenceNumber);

    /// <summary>What the hub makes of a message a producer sent with <paramref name="partitionKey"/>.</summary>
    public static EventData FromProducer(EventData sent, string? partitionKey, long sequenceNumber) =>
        Received(sent.EventBody.ToMemory(), partitionKey, sequenceNumber, new Dictionary<string, object>(sent.Properties));

    public static string Comment(string videoId, string commentId, string text = "nice") =>
        $$"""{"type":"comment","id":"{{commentId}}","video_id":"{{videoId}}","text":"{{text}}","create_time":{{DateTimeOffset.UtcNow.AddMinutes(-1).ToUnixTimeSeconds()}}}""";
}
