namespace Insights.Ingest;

using System.Buffers;
using System.Text;
using System.Text.Unicode;
using Insights.Events;
using Insights.Lake.Records;
using Insights.Lake.Zones;
using Insights.Streaming.Publishing;
using Insights.Telemetry;
using Insights.Wire;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans;
using Orleans.Runtime;

/// <summary>
/// The one ingest path. Reads a batch, validates each event on its own, publishes the good ones to their videos'
/// streams (one batch per video, so grains receive them together), lands them in the raw zone exactly as received,
/// and puts every refused event in the quarantine zone with its reason; whatever the entry (<c>POST /api/events</c>,
/// the TikTok poller through <see cref="IngestEventSink"/>). An event is answered <c>accepted</c> only once its raw
/// record is in storage, and a rejected one only once its quarantine record is: nothing acknowledged is lost from
/// the lake when the process dies.
/// </summary>
/// <remarks>
/// Publish first, land second: an event whose publish failed is answered "retry" and never landed, so a client that
/// sends it again does not land it twice; an event published but not landed (the process died between) was not
/// acknowledged, so the client sends it again and the grains, which are idempotent, count it once.
/// </remarks>
public sealed partial class EventIngestor(
    IClusterClient cluster,
    RawZoneWriter raw,
    QuarantineWriter quarantine,
    IOptions<IngestLimits> limits,
    IOptions<IngestJsonOptions> json,
    TimeProvider clock,
    ILogger<EventIngestor> logger)
{
    /// <summary>The <c>source</c> of what <c>POST /api/events</c> receives.</summary>
    public const string ApiSource = "api";
    private const string Source = ApiSource;
    private const int MaxQuarantinedBodyChars = 64 * 1024;
    private const string MaxBodyBytesKey = IngestLimits.SectionName + ":MaxBodyBytes";
    private const string MaxBatchEventsKey = IngestLimits.SectionName + ":MaxBatchEvents";
    private const string MaxJsonDepthKey = IngestJsonOptions.MaxJsonDepthKey;
    private readonly int _maxDepth = json.Value.MaxJsonDepth;
    private readonly IngestLimits _limits = limits.Value;
    private readonly CoalescingStreamPublisher<VideoStreamEvent> _publisher = new((video, events) => StreamBatchPublisher.PublishAsync(
        cluster.GetStreamProvider(StreamNames.Provider).GetStream<VideoStreamEvent>(StreamId.Create(StreamNames.VideoNamespace, video)), events));

    public async Task<IngestOutcome> IngestAsync(Stream body, long? contentLength, string? contentType, CancellationToken cancellationToken)
    {
        var receivedAt = clock.GetUtcNow();
        if (contentLength > _limits.MaxBodyBytes)
        {
            return TooLarge(contentLength.Value, ReadOnlyMemory<byte>.Empty, Source, receivedAt);
        }

        var buffer = new ArrayBufferWriter<byte>(contentLength is > 0 and var n ? (int)Math.Min(n, _limits.MaxBodyBytes) : 16 * 1024);
        while (true)
        {
            var read = await body.ReadAsync(buffer.GetMemory(16 * 1024), cancellationToken);
            if (read == 0)
            {
                break;
            }

            buffer.Advance(read);
            if (buffer.WrittenCount > _limits.MaxBodyBytes)
            {
                return TooLarge(buffer.WrittenCount, buffer.WrittenMemory, Source, receivedAt);
            }
        }

        return JsonMediaType.Accepts(contentType)
            ? await ParseAndPublishAsync(buffer.WrittenMemory, Source, receivedAt, cancellationToken)
            : UnsupportedMediaType(contentType, buffer.WrittenMemory, receivedAt);
    }

    /// <summary>
    /// Ingests a batch already in memory (a JSON array of events) exactly as <c>POST /api/events</c> does, for
    /// producers inside a host (the TikTok poller); <paramref name="source"/> is recorded with every raw and
    /// quarantined record.
    /// </summary>
    public async Task<IngestOutcome> IngestAsync(ReadOnlyMemory<byte> jsonArray, string source, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var receivedAt = clock.GetUtcNow();
        return jsonArray.Length > _limits.MaxBodyBytes
            ? TooLarge(jsonArray.Length, jsonArray, source, receivedAt)
            : await ParseAndPublishAsync(jsonArray, source, receivedAt, cancellationToken);
    }

    private async Task<IngestOutcome> ParseAndPublishAsync(ReadOnlyMemory<byte> body, string source, DateTimeOffset receivedAt,
        CancellationToken cancellationToken)
    {
        // One pass over the body: the same outcomes as a JsonDocument and the per-element parser, without the document.
        var batch = new WireBatchParser(_limits, clock).Parse(body, receivedAt, _maxDepth, _limits.MaxBatchEvents);
        if (batch.Malformed is { } malformed)
        {
            if (JsonDepth.Exceeds(body.Span, _maxDepth))
            {
                var tooDeep = $"The body nests arrays and objects more than {_maxDepth} deep (limit {MaxJsonDepthKey}); events need 3.";
                return IngestOutcome.Refused(IngestStatus.BadRequest, "JSON nested too deep", tooDeep,
                    QuarantineBody(body, tooDeep, source, receivedAt), MaxJsonDepthKey);
            }

            var reason = $"The body is not valid JSON: {malformed}";
            return IngestOutcome.Refused(IngestStatus.BadRequest, "Malformed JSON", reason,
                QuarantineBody(body, reason, source, receivedAt));
        }

        if (!batch.IsArray)
        {
            var reason = $"The body must be a JSON array of events, not {WireEventParser.Describe(batch.RootKind)}.";
            return IngestOutcome.Refused(IngestStatus.BadRequest, "Not a batch", reason,
                QuarantineBody(body, reason, source, receivedAt));
        }

        var count = batch.Count;
        if (count > _limits.MaxBatchEvents)
        {
            var reason = $"A batch holds at most {_limits.MaxBatchEvents} events (limit {MaxBatchEventsKey}); this one has {count}.";
            return IngestOutcome.Refused(IngestStatus.PayloadTooLarge, "Batch too long", reason,
                QuarantineBody(body, reason, source, receivedAt), MaxBatchEventsKey);
        }

        // Check the lake first: past this point events reach grains, which cannot be undone, and the answer waits
        // for the lake; while its writes fail, waiting would only hold the caller until its timeout.
        if (raw.Writer.IsFailing || quarantine.Writer.IsFailing)
        {
            return IngestOutcome.Refused(IngestStatus.ServiceUnavailable, "Lake unavailable",
                "The lake is not taking writes (storage down); send the batch again later.");
        }

        if (!raw.Writer.HasRoomFor(count) || !quarantine.Writer.HasRoomFor(count))
        {
            return IngestOutcome.Refused(IngestStatus.ServiceUnavailable, "Lake unavailable",
                "The lake is not taking writes fast enough (storage down or slow) and its buffer is full; send the batch again later.");
        }

        return IngestOutcome.Ok(await ValidateAndPublishAsync(body, batch, source, receivedAt, cancellationToken));
    }

    private async Task<IngestResponse> ValidateAndPublishAsync(ReadOnlyMemory<byte> body, WireBatch batch, string source, DateTimeOffset receivedAt,
        CancellationToken cancellationToken)
    {
        var batchId = Guid.NewGuid().ToString("N");
        var count = batch.Count;
        var results = new IngestItemResult[count];
        var rawRecords = new RawEventRecord?[count];
        var quarantined = new List<QuarantineRecord>();
        var byVideo = new Dictionary<string, (List<VideoStreamEvent> Events, List<int> Indexes)>(StringComparer.Ordinal);
        for (var index = 0; index < count; index++)
        {
            var item = batch.Items[index];
            var parsed = item.Result;
            var json = item.Json(body);
            if (parsed.Event is { } e)
            {
                if (!byVideo.TryGetValue(e.VideoId, out var group))
                {
                    byVideo[e.VideoId] = group = ([], []);
                }

                group.Events.Add(e);
                group.Indexes.Add(index);
                results[index] = new IngestItemResult(index, IngestItemResult.AcceptedStatus, parsed.Type, parsed.Id, null);
                rawRecords[index] = new RawEventRecord
                {
                    ReceivedAt = receivedAt,
                    Source = source,
                    BatchId = batchId,
                    Index = index,
                    Type = parsed.Type!,
                    // The bytes as received, sliced from the body: nothing is written twice.
                    Event = RawJson.FromUtf8(json),
                };
            }
            else
            {
                var quarantineId = QuarantineWriter.NewId();
                var keepable = Utf8.IsValid(json.Span);
                quarantined.Add(new QuarantineRecord
                {
                    QuarantineId = quarantineId,
                    ReceivedAt = receivedAt,
                    Source = source,
                    Stage = "ingest",
                    Reason = parsed.Error!,
                    Type = parsed.Type,
                    Id = parsed.Id,
                    // An event that is not UTF-8 cannot be kept as JSON: its text is kept instead, bad bytes replaced.
                    Payload = keepable ? RawJson.FromUtf8(json) : null,
                    PayloadText = keepable ? null : Text(json.Span),
                });
                results[index] = new IngestItemResult(index, IngestItemResult.RejectedStatus, parsed.Type, parsed.Id, parsed.Error, quarantineId);
            }
        }

        // Concurrent requests' events for one video share its next publish (CoalescingStreamPublisher): a request holds
        // a few events for each of hundreds of videos, and one call per video per request is what bounded ingest.
        await Task.WhenAll(byVideo.Select(async pair =>
        {
            try
            {
                await _publisher.PublishAsync(pair.Key, pair.Value.Events);
            }
            catch (Exception ex)
            {
                LogPublishFailed(pair.Key, pair.Value.Events.Count, ex);
                foreach (var i in pair.Value.Indexes)
                {
                    results[i] = results[i] with { Status = IngestItemResult.RetryStatus, Error = "could not be queued now; send it again" };
                    rawRecords[i] = null;
                }
            }
        }));

        // Only what was accepted lands in the raw zone: an event answered "retry" will arrive again. The answer waits
        // until both zones hold their records (a group commit shared with concurrent batches), so it is never ahead
        // of the lake; if the wait ends first (the caller gave up, the host stops) nothing is answered.
        await Task.WhenAll(
            raw.Writer.AddDurablyAsync(rawRecords.OfType<RawEventRecord>().ToList(), cancellationToken),
            quarantine.Writer.AddDurablyAsync(quarantined, cancellationToken));

        int accepted = 0, rejected = 0, retry = 0;
        foreach (var r in results)
        {
            switch (r.Status)
            {
                case IngestItemResult.AcceptedStatus: accepted++; break;
                case IngestItemResult.RejectedStatus: rejected++; break;
                default: retry++; break;
            }
        }

        IngestMetrics.RecordBatch(source, accepted, rejected, retry);
        IngestMetrics.RecordQuarantined(source, quarantined.Count);
        return new IngestResponse(accepted, rejected, retry, results);
    }

    private IngestOutcome UnsupportedMediaType(string? contentType, ReadOnlyMemory<byte> body, DateTimeOffset receivedAt)
    {
        var declared = contentType is null ? "no Content-Type" : $"Content-Type '{(contentType.Length <= 100 ? contentType : contentType[..100] + "...")}'";
        var reason = $"The body must be a JSON array of events sent as {JsonMediaType.Expected}, not with {declared}.";
        return IngestOutcome.Refused(IngestStatus.UnsupportedMediaType, "Unsupported media type", reason,
            QuarantineBody(body, reason, Source, receivedAt));
    }

    private IngestOutcome TooLarge(long size, ReadOnlyMemory<byte> start, string source, DateTimeOffset receivedAt)
    {
        var reason = $"The body may hold at most {_limits.MaxBodyBytes} bytes (limit {MaxBodyBytesKey}); this one has {size} or more.";
        return IngestOutcome.Refused(IngestStatus.PayloadTooLarge, "Body too large", reason,
            QuarantineBody(start, reason, source, receivedAt), MaxBodyBytesKey);
    }

    /// <summary>A body refused as a whole is kept too, as text (it may not be JSON), cut at 64 KiB.</summary>
    private string QuarantineBody(ReadOnlyMemory<byte> body, string reason, string source, DateTimeOffset receivedAt)
    {
        var id = QuarantineWriter.NewId();
        var text = Text(body.Span);
        if (!quarantine.TryAdd([new QuarantineRecord
            {
                QuarantineId = id,
                ReceivedAt = receivedAt,
                Source = source,
                Stage = "ingest",
                Reason = reason,
                PayloadText = text,
            }]))
        {
            LogQuarantineFull(id);
        }
        else
        {
            IngestMetrics.RecordQuarantined(source, 1);
        }

        return id;
    }

    /// <summary>Refused bytes as text for the quarantine record, cut at 64 KiB; what is not UTF-8 becomes U+FFFD.</summary>
    private static string Text(ReadOnlySpan<byte> bytes) => Encoding.UTF8.GetString(bytes[..Math.Min(bytes.Length, MaxQuarantinedBodyChars)]);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not queue {Count} events for video {VideoId}; answered retry")]
    private partial void LogPublishFailed(string videoId, int count, Exception ex);

    [LoggerMessage(Level = LogLevel.Error, Message = "Quarantine buffer full; refused body {QuarantineId} was answered but not kept")]
    private partial void LogQuarantineFull(string quarantineId);
}
