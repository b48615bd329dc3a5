namespace Insights.Streaming.EventHubs;

using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;
using Azure.Messaging.EventHubs;
using Insights.Events;
using Insights.Telemetry;
using Insights.Wire;
using Orleans.Providers.Streams.Common;
using Orleans.Runtime;
using Orleans.Serialization;
using Orleans.Streaming.EventHubs;
using Orleans.Streams;

/// <summary>
/// The data adapter of the official Event Hubs provider for Insights. It reads two kinds of <see cref="EventData"/>:
/// <list type="bullet">
/// <item>Orleans-format messages (the stream namespace property set: what the API publishes through its Orleans
/// client), decoded exactly as the provider's default adapter decodes them;</item>
/// <item>anything else: one event as wire JSON, exactly as one item of <c>POST /api/events</c> (the generator, the TikTok
/// source, any producer), partition key = the video id. It is validated by the API's own <see cref="WireEventParser"/>
/// and becomes the same <see cref="VideoStreamEvent"/> on <c>videos/&lt;video id&gt;</c> the API would publish.</item>
/// </list>
/// A message that cannot become video events (invalid JSON or event, a partition key that is not the event's video, an
/// Orleans body that does not deserialize) becomes a <see cref="QuarantinedMessage"/> on
/// <c>quarantine/eventhubs/&lt;partition&gt;</c> with its reason, never an exception: the cache adds it like any other
/// message, the quarantine grain writes it before its delivery returns, and the partition moves on.
/// </summary>
/// <remarks>
/// The message is decoded once, when the receiver adds it to the cache (<see cref="GetStreamPosition"/>, then
/// <see cref="FromQueueMessage"/>); the cache then holds an Orleans-serialized body, so delivery reads it as the default
/// adapter would. Nothing here writes to the lake: where hub events land in the raw zone is Event Hubs Capture's job
/// (see the README).
/// </remarks>
public sealed class InsightsEventHubDataAdapter : EventHubDataAdapter
{
    /// <summary>The prefix of the quarantine stream keys and of <see cref="QuarantinedMessage.Source"/>.</summary>
    public const string Source = "eventhubs";

    /// <summary>The longest payload text kept with a quarantined message.</summary>
    public const int MaxPayloadTextChars = 64 * 1024;

    private const int MaxJsonDepth = 16;

    private readonly Serializer _serializer;
    private readonly WireEventParser _parser;
    private readonly TimeProvider _clock;
    private readonly ConditionalWeakTable<EventData, Decoded> _decoded = [];

    public InsightsEventHubDataAdapter(Serializer serializer, WireEventParser parser, TimeProvider clock)
        : base(serializer)
    {
        _serializer = serializer;
        _parser = parser;
        _clock = clock;
    }

    /// <summary>The quarantine stream of one partition.</summary>
    public static StreamId QuarantineStream(string partition) =>
        StreamId.Create(StreamNames.QuarantineNamespace, Source + "/" + partition);

    /// <summary>Decodes the message (once) and places it on its video's stream or on the partition's quarantine stream.</summary>
    public override StreamPosition GetStreamPosition(string partition, EventData queueMessage)
    {
        var decoded = Decode(partition, queueMessage);
        _decoded.AddOrUpdate(queueMessage, decoded);
        var token = new EventHubSequenceTokenV2(queueMessage.OffsetString ?? "", queueMessage.SequenceNumber, 0);
        return new StreamPosition(decoded.StreamId, token);
    }

    /// <summary>Without a partition (the provider does not call this while reading), quarantine keys say "unknown".</summary>
    public override StreamId GetStreamIdentity(EventData queueMessage) => Decode("unknown", queueMessage).StreamId;

    /// <summary>Keeps what <see cref="GetStreamPosition"/> decoded, as an Orleans-serialized body, in the cache.</summary>
    public override CachedMessage FromQueueMessage(StreamPosition streamPosition, EventData queueMessage, DateTime dequeueTime, Func<int, ArraySegment<byte>> getSegment)
    {
        if (!_decoded.TryGetValue(queueMessage, out var decoded))
        {
            decoded = Decode("unknown", queueMessage);
        }

        _decoded.Remove(queueMessage);
        return new CachedMessage
        {
            StreamId = streamPosition.StreamId,
            SequenceNumber = queueMessage.SequenceNumber,
            EventIndex = streamPosition.SequenceToken.EventIndex,
            EnqueueTimeUtc = queueMessage.EnqueuedTime.UtcDateTime,
            DequeueTimeUtc = dequeueTime,
            Segment = Encode(queueMessage, decoded, getSegment),
        };
    }

    /// <summary>What one message becomes: its stream and the Orleans-serialized body the cache keeps.</summary>
    internal Decoded Decode(string partition, EventData message)
    {
        var receivedAt = _clock.GetUtcNow();
        try
        {
            return message.GetStreamNamespaceProperty() is { } ns
                ? DecodeOrleans(partition, message, ns, receivedAt)
                : DecodeWire(partition, message, receivedAt);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Whatever went wrong, the message must not stop its partition.
            return Quarantine(partition, message, receivedAt, $"The message could not be read: {ex.GetType().Name}: {ex.Message}", type: null, id: null);
        }
    }

    private Decoded DecodeOrleans(string partition, EventData message, string ns, DateTimeOffset receivedAt)
    {
        var streamId = StreamId.Create(ns, message.PartitionKey ?? "");
        try
        {
            // Deserialized here once, so a body that cannot be read is quarantined instead of failing every delivery.
            var events = ReadOrleansEvents(message.EventBody.ToMemory());
            if (events is null || events.Count == 0)
            {
                return Quarantine(partition, message, receivedAt, "The Orleans stream message holds no events.", "orleans", null);
            }

            return new Decoded(streamId, message.EventBody.ToArray());
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return Quarantine(partition, message, receivedAt,
                $"The Orleans stream message for {streamId} could not be deserialized: {ex.GetType().Name}: {ex.Message}", "orleans", null);
        }
    }

    private Decoded DecodeWire(string partition, EventData message, DateTimeOffset receivedAt)
    {
        var body = message.EventBody.ToMemory();
        if (body.IsEmpty)
        {
            return Quarantine(partition, message, receivedAt, "The message has no body; expected one event as JSON.", null, null);
        }

        // Checked before parsing: the parser finds bad UTF-8 only in strings it decodes.
        if (!Utf8.IsValid(body.Span))
        {
            return Quarantine(partition, message, receivedAt, "The message is not valid UTF-8.", null, null);
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = MaxJsonDepth });
        }
        catch (JsonException ex)
        {
            return Quarantine(partition, message, receivedAt, $"The message is not valid JSON: {ex.Message}", null, null);
        }

        using (document)
        {
            var parsed = _parser.Parse(document.RootElement, receivedAt);
            if (parsed.Event is not { } e)
            {
                return Quarantine(partition, message, receivedAt, parsed.Error!, parsed.Type, parsed.Id);
            }

            // A message keyed by another video sits in that video's partition: its order relative to its own video's
            // events is unknown. A message without a key is taken (ordering is then the producer's business).
            if (message.PartitionKey is { Length: > 0 } key && !string.Equals(key, e.VideoId, StringComparison.Ordinal))
            {
                return Quarantine(partition, message, receivedAt,
                    $"partition key: '{Truncate(key)}' is not the event's video id '{e.VideoId}'", parsed.Type, parsed.Id);
            }

            var streamId = StreamId.Create(StreamNames.VideoNamespace, e.VideoId);
            // Other producers' events enter here (the API's were counted when it accepted them).
            IngestMetrics.RecordBatch(Source, accepted: 1, rejected: 0, retry: 0);
            return new Decoded(streamId, Body(streamId, [e]));
        }
    }

    private Decoded Quarantine(string partition, EventData message, DateTimeOffset receivedAt, string reason, string? type, string? id)
    {
        var streamId = QuarantineStream(partition);
        IngestMetrics.RecordBatch(Source, accepted: 0, rejected: 1, retry: 0);
        IngestMetrics.RecordQuarantined(Source, 1);
        var quarantined = new QuarantinedMessage
        {
            Source = Source + "/" + partition,
            Reason = reason,
            Type = type,
            Id = id ?? Position(message),
            PayloadText = PayloadText(message.EventBody.ToMemory()),
            ReceivedAt = receivedAt,
        };
        return new Decoded(streamId, Body(streamId, [quarantined]));
    }

    private byte[] Body<T>(StreamId streamId, List<T> events) =>
        EventHubBatchContainer.ToEventData(_serializer, streamId, events, requestContext: null).EventBody.ToArray();

    private List<object>? ReadOrleansEvents(ReadOnlyMemory<byte> body)
    {
        // The default adapter's own container reads the body the same way when it is delivered.
        var probe = EventHubsModelFactory.EventData(new BinaryData(body), partitionKey: "", sequenceNumber: 0, offsetString: "0");
        var cached = base.FromQueueMessage(
            new StreamPosition(StreamId.Create("probe", "probe"), new EventHubSequenceTokenV2("0", 0, 0)),
            probe,
            DateTime.UtcNow,
            size => new ArraySegment<byte>(new byte[size]));
        var container = base.GetBatchContainer(ref cached);
        return container.GetEvents<object>().Select(t => t.Item1).ToList();
    }

    /// <summary>The default adapter's segment layout (offset, partition key, properties, body) with the decoded body.</summary>
    private ArraySegment<byte> Encode(EventData message, Decoded decoded, Func<int, ArraySegment<byte>> getSegment)
    {
        byte[] properties;
        try
        {
            properties = message.SerializeProperties(_serializer);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Application properties of any type may come from other producers; Insights reads none of them.
            properties = [];
        }

        var offset = message.OffsetString ?? "";
        var partitionKey = decoded.StreamId.GetKeyAsString();
        var size = SegmentBuilder.CalculateAppendSize(offset)
            + SegmentBuilder.CalculateAppendSize(partitionKey)
            + SegmentBuilder.CalculateAppendSize(properties)
            + SegmentBuilder.CalculateAppendSize(decoded.Body);
        var segment = getSegment(size);
        var writeOffset = 0;
        SegmentBuilder.Append(segment, ref writeOffset, offset);
        SegmentBuilder.Append(segment, ref writeOffset, partitionKey);
        SegmentBuilder.Append(segment, ref writeOffset, properties);
        SegmentBuilder.Append(segment, ref writeOffset, decoded.Body);
        return segment;
    }

    private static string Position(EventData message) =>
        string.Create(CultureInfo.InvariantCulture, $"offset {message.OffsetString}, sequence {message.SequenceNumber}");

    /// <summary>The body as text (invalid UTF-8 replaced), cut at <see cref="MaxPayloadTextChars"/>.</summary>
    internal static string PayloadText(ReadOnlyMemory<byte> body)
    {
        var text = Encoding.UTF8.GetString(body.Span[..Math.Min(body.Length, MaxPayloadTextChars * 3)]);
        return text.Length <= MaxPayloadTextChars ? text : text[..MaxPayloadTextChars];
    }

    private static string Truncate(string s) => s.Length <= 70 ? s : s[..70] + "...";

    internal sealed record Decoded(StreamId StreamId, byte[] Body);
}
