namespace Insights.Api.Ingest;

using System.Buffers;
using System.Text.Json;
using Insights.Events;
using Insights.Wire;
using Microsoft.Extensions.Options;
using Orleans.Runtime;
using Orleans.Streams;

/// <summary>
/// Reads an ingest batch, validates each event on its own, and publishes the good ones to their videos' streams,
/// one batch per video so grains receive them together.
/// </summary>
public sealed partial class EventIngestor(
    IClusterClient cluster,
    IOptions<IngestLimits> limits,
    TimeProvider clock,
    ILogger<EventIngestor> logger)
{
    private readonly IngestLimits _limits = limits.Value;
    private readonly WireEventParser _parser = new(limits.Value, clock);

    public async Task<IngestOutcome> IngestAsync(Stream body, long? contentLength, CancellationToken cancellationToken)
    {
        if (contentLength > _limits.MaxBodyBytes)
        {
            return TooLarge(contentLength.Value);
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
                return TooLarge(buffer.WrittenCount);
            }
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(buffer.WrittenMemory, new JsonDocumentOptions { MaxDepth = 16 });
        }
        catch (JsonException ex)
        {
            return IngestOutcome.Refused(StatusCodes.Status400BadRequest, "Malformed JSON",
                $"The body is not valid JSON: {ex.Message}");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Array)
            {
                return IngestOutcome.Refused(StatusCodes.Status400BadRequest, "Not a batch",
                    $"The body must be a JSON array of events, not {WireEventParser.Describe(root.ValueKind)}.");
            }

            var count = root.GetArrayLength();
            if (count > _limits.MaxBatchEvents)
            {
                return IngestOutcome.Refused(StatusCodes.Status413PayloadTooLarge, "Batch too long",
                    $"A batch holds at most {_limits.MaxBatchEvents} events (limit Insights:Ingest:MaxBatchEvents); this one has {count}.");
            }

            return IngestOutcome.Ok(await ValidateAndPublishAsync(root, count));
        }
    }

    private async Task<IngestResponse> ValidateAndPublishAsync(JsonElement batch, int count)
    {
        var ingestedAt = clock.GetUtcNow();
        var results = new IngestItemResult[count];
        var byVideo = new Dictionary<string, (List<VideoStreamEvent> Events, List<int> Indexes)>(StringComparer.Ordinal);
        var index = 0;
        foreach (var element in batch.EnumerateArray())
        {
            var parsed = _parser.Parse(element, ingestedAt);
            if (parsed.Event is { } e)
            {
                if (!byVideo.TryGetValue(e.VideoId, out var group))
                {
                    byVideo[e.VideoId] = group = ([], []);
                }

                group.Events.Add(e);
                group.Indexes.Add(index);
                results[index] = new IngestItemResult(index, IngestItemResult.AcceptedStatus, parsed.Type, parsed.Id, null);
            }
            else
            {
                results[index] = new IngestItemResult(index, IngestItemResult.RejectedStatus, parsed.Type, parsed.Id, parsed.Error);
            }

            index++;
        }

        var provider = cluster.GetStreamProvider(StreamNames.Provider);
        await Task.WhenAll(byVideo.Select(async pair =>
        {
            try
            {
                var stream = provider.GetStream<VideoStreamEvent>(StreamId.Create(StreamNames.VideoNamespace, pair.Key));
                await stream.OnNextBatchAsync(pair.Value.Events);
            }
            catch (Exception ex)
            {
                LogPublishFailed(pair.Key, pair.Value.Events.Count, ex);
                foreach (var i in pair.Value.Indexes)
                {
                    results[i] = results[i] with { Status = IngestItemResult.RetryStatus, Error = "could not be queued now; send it again" };
                }
            }
        }));

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

        return new IngestResponse(accepted, rejected, retry, results);
    }

    private IngestOutcome TooLarge(long size) =>
        IngestOutcome.Refused(StatusCodes.Status413PayloadTooLarge, "Body too large",
            $"The body may hold at most {_limits.MaxBodyBytes} bytes (limit Insights:Ingest:MaxBodyBytes); this one has {size} or more.");

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not queue {Count} events for video {VideoId}; answered retry")]
    private partial void LogPublishFailed(string videoId, int count, Exception ex);
}
