namespace Insights.Sources.Delivery;

using Insights.Wire;
using Microsoft.Extensions.Logging;

public sealed record DeliveryOptions
{
    /// <summary>Sends of one batch (the first included) before the items still answered "retry" are given up.</summary>
    public int MaxAttempts { get; init; } = 8;

    public TimeSpan InitialBackoff { get; init; } = TimeSpan.FromMilliseconds(500);

    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromSeconds(30);
}

/// <summary>What became of a delivered batch: accepted and rejected counts (a rejected event is logged with its reason).</summary>
public readonly record struct DeliveryResult(int Accepted, int Rejected);

/// <summary>Some events were still answered "retry" after every attempt; the caller keeps its position and tries later.</summary>
public sealed class EventDeliveryException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// Hands events to the sink and sends the items answered "retry" again, alone, with exponential backoff, until every
/// item is accepted or rejected. Rejected items are logged with their video id and reason and counted.
/// </summary>
public sealed partial class EventDelivery(
    IEventSink sink,
    DeliveryOptions options,
    SourceMetrics metrics,
    string source,
    TimeProvider clock,
    ILogger logger)
{
    public async Task<DeliveryResult> DeliverAsync(IReadOnlyList<WireEvent> events, CancellationToken cancellationToken)
    {
        var pending = events;
        int accepted = 0, rejected = 0;
        for (var attempt = 1; pending.Count > 0; attempt++)
        {
            IReadOnlyList<SinkItemResult> results;
            try
            {
                results = await sink.SendAsync(pending, cancellationToken);
            }
            catch (Exception ex) when (ex is not (OperationCanceledException or EventSinkException))
            {
                // The destination failed in a way it did not classify (cluster not reachable, say): retry all of it.
                LogSinkFailed(pending.Count, ex);
                results = Enumerable.Repeat(SinkItemResult.Retry(ex.Message), pending.Count).ToArray();
            }

            if (results.Count != pending.Count)
            {
                throw new EventSinkException($"The sink answered {results.Count} results for {pending.Count} events.");
            }

            var retry = new List<WireEvent>();
            for (var i = 0; i < pending.Count; i++)
            {
                var e = pending[i];
                switch (results[i].Status)
                {
                    case SinkStatus.Accepted:
                        accepted++;
                        metrics.Events(source, e.Type, "accepted", 1);
                        break;
                    case SinkStatus.Rejected:
                        rejected++;
                        metrics.Events(source, e.Type, "rejected", 1);
                        LogRejected(e.Type, e.Id ?? e.VideoId, e.VideoId ?? e.Id, results[i].Error);
                        break;
                    default:
                        retry.Add(e);
                        break;
                }
            }

            pending = retry;
            if (pending.Count == 0)
            {
                break;
            }

            if (attempt >= options.MaxAttempts)
            {
                metrics.Failure(source, "delivery", "retry_exhausted");
                var videos = string.Join(", ", pending.Select(e => e.VideoId ?? e.Id).Distinct().Take(10));
                throw new EventDeliveryException(
                    $"{pending.Count} events (videos {videos}) were still answered 'retry' after {attempt} attempts.");
            }

            var backoff = TimeSpan.FromTicks(Math.Min(options.MaxBackoff.Ticks,
                options.InitialBackoff.Ticks * (1L << Math.Min(attempt - 1, 20))));
            LogRetrying(pending.Count, attempt, backoff);
            await Task.Delay(backoff, clock, cancellationToken);
        }

        return new DeliveryResult(accepted, rejected);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sink rejected {Type} event {Id} of video {VideoId}: {Reason}")]
    private partial void LogRejected(string type, string? id, string? videoId, string? reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sink failed on a batch of {Count} events; they are sent again")]
    private partial void LogSinkFailed(int count, Exception ex);

    [LoggerMessage(Level = LogLevel.Information, Message = "Sink answered retry for {Count} events (attempt {Attempt}); sending them again in {Backoff}")]
    private partial void LogRetrying(int count, int attempt, TimeSpan backoff);
}
