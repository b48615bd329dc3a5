namespace Insights.Sources.Delivery;

using Insights.Wire;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;

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
/// Hands events to the sink and sends the items answered "retry" again, alone, with exponential backoff (Polly's retry
/// strategy on the sink's answer), until every item is accepted or rejected. Rejected items are logged with their video
/// id and reason and counted.
/// </summary>
public sealed partial class EventDelivery
{
    private readonly IEventSink _sink;
    private readonly SourceMetrics _metrics;
    private readonly string _source;
    private readonly ILogger _logger;
    private readonly ResiliencePipeline<Attempt> _retry;

    public EventDelivery(IEventSink sink, DeliveryOptions options, SourceMetrics metrics, string source, TimeProvider clock, ILogger logger)
    {
        _sink = sink;
        _metrics = metrics;
        _source = source;
        _logger = logger;
        _retry = options.MaxAttempts <= 1
            ? ResiliencePipeline<Attempt>.Empty
            : new ResiliencePipelineBuilder<Attempt> { TimeProvider = clock }
                .AddRetry(new RetryStrategyOptions<Attempt>
                {
                    ShouldHandle = args => ValueTask.FromResult(args.Outcome.Result is { Pending.Count: > 0 }),
                    MaxRetryAttempts = options.MaxAttempts - 1,
                    BackoffType = DelayBackoffType.Exponential,
                    UseJitter = false,
                    Delay = options.InitialBackoff,
                    MaxDelay = options.MaxBackoff,
                    OnRetry = args =>
                    {
                        LogRetrying(args.Outcome.Result!.Pending.Count, args.AttemptNumber + 1, args.RetryDelay);
                        return ValueTask.CompletedTask;
                    },
                })
                .Build();
    }

    public async Task<DeliveryResult> DeliverAsync(IReadOnlyList<WireEvent> events, CancellationToken cancellationToken)
    {
        var tally = new Tally { Pending = events };
        var last = await _retry.ExecuteAsync(async (state, ct) => await SendPendingAsync(state, ct), tally, cancellationToken);
        if (last.Pending.Count > 0)
        {
            _metrics.Failure(_source, "delivery", "retry_exhausted");
            var videos = string.Join(", ", last.Pending.Select(e => e.VideoId ?? e.Id).Distinct().Take(10));
            throw new EventDeliveryException(
                $"{last.Pending.Count} events (videos {videos}) were still answered 'retry' after {tally.Attempts} attempts.");
        }

        return new DeliveryResult(tally.Accepted, tally.Rejected);
    }

    /// <summary>One send of what is still pending; what is answered "retry" is pending for the next attempt.</summary>
    private async ValueTask<Attempt> SendPendingAsync(Tally tally, CancellationToken cancellationToken)
    {
        var pending = tally.Pending;
        tally.Attempts++;
        IReadOnlyList<SinkItemResult> results;
        try
        {
            results = await _sink.SendAsync(pending, cancellationToken);
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
                    tally.Accepted++;
                    _metrics.Events(_source, e.Type, "accepted", 1);
                    break;
                case SinkStatus.Rejected:
                    tally.Rejected++;
                    _metrics.Events(_source, e.Type, "rejected", 1);
                    LogRejected(e.Type, e.Id ?? e.VideoId, e.VideoId ?? e.Id, results[i].Error);
                    break;
                default:
                    retry.Add(e);
                    break;
            }
        }

        tally.Pending = retry;
        return new Attempt(retry);
    }

    /// <summary>What one send left to send again.</summary>
    private sealed record Attempt(IReadOnlyList<WireEvent> Pending);

    private sealed class Tally
    {
        public required IReadOnlyList<WireEvent> Pending { get; set; }

        public int Attempts { get; set; }

        public int Accepted { get; set; }

        public int Rejected { get; set; }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sink rejected {Type} event {Id} of video {VideoId}: {Reason}")]
    private partial void LogRejected(string type, string? id, string? videoId, string? reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sink failed on a batch of {Count} events; they are sent again")]
    private partial void LogSinkFailed(int count, Exception ex);

    [LoggerMessage(Level = LogLevel.Information, Message = "Sink answered retry for {Count} events (attempt {Attempt}); sending them again in {Backoff}")]
    private partial void LogRetrying(int count, int attempt, TimeSpan backoff);
}
