namespace Insights.Ingest;

using System.Text.Json;
using Insights.Delivery;
using Insights.Wire;
using Microsoft.Extensions.Options;

/// <summary>
/// The in-process entry of the ingest path for producers inside a host (the TikTok poller grain on a silo): each
/// batch goes through <see cref="EventIngestor"/> exactly as a <c>POST /api/events</c> body would (validation, raw and
/// quarantine zones with its <paramref name="source"/>, streams), in slices the ingest limits allow. A batch refused as
/// a whole for want of room (503) is answered "retry" item by item; any other refusal is a bug on one side and throws.
/// </summary>
public sealed class IngestEventSink(EventIngestor ingestor, IOptions<IngestLimits> limits, string source) : IEventSink
{
    private const int MaxSlice = 500;

    public async Task<IReadOnlyList<SinkItemResult>> SendAsync(IReadOnlyList<WireEvent> events, CancellationToken cancellationToken = default)
    {
        var results = new List<SinkItemResult>(events.Count);
        var slice = Math.Max(1, Math.Min(MaxSlice, limits.Value.MaxBatchEvents));
        for (var offset = 0; offset < events.Count; offset += slice)
        {
            var batch = new List<WireEvent>(Math.Min(slice, events.Count - offset));
            for (var i = offset; i < events.Count && i < offset + slice; i++)
            {
                batch.Add(events[i]);
            }

            results.AddRange(await SendSliceAsync(batch, cancellationToken));
        }

        return results;
    }

    private async Task<IReadOnlyList<SinkItemResult>> SendSliceAsync(List<WireEvent> batch, CancellationToken cancellationToken)
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(batch, WireJsonContext.Default.ListWireEvent);
        var outcome = await ingestor.IngestAsync(json, source, cancellationToken);
        if (outcome.Response is { } response)
        {
            var results = new SinkItemResult[batch.Count];
            Array.Fill(results, SinkItemResult.Accepted);
            foreach (var item in response.Items)
            {
                results[item.Index] = item.Status switch
                {
                    IngestItemResult.AcceptedStatus => SinkItemResult.Accepted,
                    IngestItemResult.RejectedStatus => new SinkItemResult(SinkStatus.Rejected, item.Error),
                    _ => SinkItemResult.Retry(item.Error),
                };
            }

            return results;
        }

        if (outcome.StatusCode == IngestStatus.ServiceUnavailable)
        {
            return Enumerable.Repeat(SinkItemResult.Retry(outcome.Detail), batch.Count).ToArray();
        }

        throw new EventSinkException($"The ingest path refused a batch of {batch.Count} events: {outcome.StatusCode} {outcome.Problem}: {outcome.Detail}");
    }
}
