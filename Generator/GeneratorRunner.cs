namespace Insights.Generator;

public sealed record RunnerOptions
{
    /// <summary>
    /// True: events whose send time lies in the future are sent when their time comes.
    /// False: only events due when the run starts are sent; the rest are skipped.
    /// </summary>
    public bool Live { get; init; } = true;

    /// <summary>Most events handed to the sink in one call (the sink splits them into requests).</summary>
    public int MaxEventsPerSend { get; init; } = 10_000;

    /// <summary>Delay before events answered "retry" are sent again; doubles while retries continue.</summary>
    public TimeSpan InitialRetryDelay { get; init; } = TimeSpan.FromMilliseconds(250);

    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Times one event may be answered "retry" before the run fails.</summary>
    public int MaxRetriesPerEvent { get; init; } = 50;
}

public enum RunPhase
{
    Backfill,
    Live,
    Done,
}

/// <summary>A snapshot of a run, reported after each send and each wait.</summary>
public sealed record RunProgress
{
    public required RunPhase Phase { get; init; }
    public required DateTimeOffset Now { get; init; }

    /// <summary>Events of the dataset.</summary>
    public required int Total { get; init; }

    /// <summary>Events of the dataset sent at least once.</summary>
    public required int Sent { get; init; }
    public required int Accepted { get; init; }
    public required int Rejected { get; init; }

    /// <summary>"retry" answers received (an event answered twice counts twice).</summary>
    public required long Retried { get; init; }

    /// <summary>Events waiting to be sent again.</summary>
    public required int PendingRetry { get; init; }
    public required int Skipped { get; init; }

    /// <summary>Send time of the next event not yet sent, if any.</summary>
    public DateTimeOffset? NextSendAt { get; init; }

    /// <summary>Events settled (accepted, rejected or skipped).</summary>
    public int Done => Accepted + Rejected + Skipped;
}

public enum RunOutcome
{
    /// <summary>Every event was sent and settled (or skipped when not live).</summary>
    Completed,

    /// <summary>Stopped on request; in-flight requests finished first.</summary>
    Stopped,

    /// <summary>Aborted on request while requests were in flight; their outcome is unknown.</summary>
    Aborted,

    /// <summary>The sink failed; see <see cref="RunReport.Error"/>.</summary>
    Failed,
}

public sealed record EventRejection(GeneratedEvent Event, string? Error);

/// <summary>The outcome of a run. <see cref="Truth"/> is the truth of the accepted events only.</summary>
public sealed record RunReport
{
    public required RunOutcome Outcome { get; init; }
    public string? Error { get; init; }
    public required int Total { get; init; }
    public required int Sent { get; init; }
    public required int Accepted { get; init; }
    public required int Rejected { get; init; }
    public required long Retried { get; init; }

    /// <summary>Never sent: future events of a run that was not live, or events left when the run stopped.</summary>
    public required int Skipped { get; init; }

    /// <summary>Sent, but with no known outcome: in flight when the run was aborted or failed.</summary>
    public required int Unconfirmed { get; init; }

    /// <summary>Answered "retry" and not yet sent again when the run ended: not accepted.</summary>
    public required int PendingRetry { get; init; }
    public required TimeSpan Elapsed { get; init; }

    /// <summary>Accepted events in dataset order.</summary>
    public required IReadOnlyList<GeneratedEvent> AcceptedEvents { get; init; }
    public required IReadOnlyList<EventRejection> Rejections { get; init; }
    public required GroundTruth Truth { get; init; }

    /// <summary>Accepted events per second of the run.</summary>
    public double EventsPerSecond => Elapsed > TimeSpan.Zero ? Accepted / Elapsed.TotalSeconds : 0;
}

/// <summary>The run failed; <see cref="Report"/> still tells what was accepted before it did.</summary>
public sealed class GeneratorRunException(string message, RunReport report, Exception? inner)
    : Exception(message, inner)
{
    public RunReport Report { get; } = report;
}

/// <summary>
/// Sends a dataset to a sink as a live source would: events already due are sent at once (backfill), later
/// ones when their send time comes (live). Events answered "retry" are sent again after a growing delay.
/// All waiting goes through the <see cref="TimeProvider"/>, so tests can run it without waiting.
/// </summary>
public sealed class GeneratorRunner(IEventSink sink, TimeProvider? time = null, RunnerOptions? options = null)
{
    private readonly IEventSink _sink = sink ?? throw new ArgumentNullException(nameof(sink));
    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private readonly RunnerOptions _options = options ?? new RunnerOptions();
    private static readonly TimeSpan MaxWait = TimeSpan.FromHours(1);

    /// <summary>
    /// Runs until every event is settled. <paramref name="stop"/> ends the run gracefully: no new sends, but
    /// the send in flight completes. <paramref name="abort"/> also cancels the send in flight.
    /// Stopping and aborting return a report; a failing sink throws <see cref="GeneratorRunException"/>.
    /// </summary>
    public async Task<RunReport> RunAsync(
        GeneratedDataset dataset,
        Action<RunProgress>? progress = null,
        CancellationToken stop = default,
        CancellationToken abort = default)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var events = dataset.Events;
        var state = new State(events.Count);
        var startedAt = _time.GetTimestamp();
        var cutoff = _time.GetUtcNow();
        var cursor = 0;
        var pending = new List<int>();
        var retryAt = DateTimeOffset.MinValue;
        var retryDelay = _options.InitialRetryDelay;
        var outcome = RunOutcome.Completed;
        var done = false;

        // The backlog: events already due when the run starts. Once they are all sent, the run is live.
        var backlog = 0;
        while (backlog < events.Count && events[backlog].SendAt <= cutoff)
        {
            backlog++;
        }

        void Report(DateTimeOffset now) => progress?.Invoke(new RunProgress
        {
            Phase = done ? RunPhase.Done : cursor < backlog ? RunPhase.Backfill : RunPhase.Live,
            Now = now,
            Total = events.Count,
            Sent = state.Sent,
            Accepted = state.Accepted,
            Rejected = state.Rejected,
            Retried = state.Retried,
            PendingRetry = pending.Count,
            Skipped = state.Skipped,
            NextSendAt = cursor < events.Count ? events[cursor].SendAt : null,
        });

        RunReport Finish(RunOutcome result, string? error)
        {
            done = true;
            var now = _time.GetUtcNow();
            Report(now);
            var accepted = new List<GeneratedEvent>(state.Accepted);
            var rejections = new List<EventRejection>(state.Rejected);
            var unconfirmed = 0;
            var pendingRetry = 0;
            for (var i = 0; i < events.Count; i++)
            {
                switch (state.Status[i])
                {
                    case Status.Accepted: accepted.Add(events[i]); break;
                    case Status.Rejected: rejections.Add(new EventRejection(events[i], state.Errors[i])); break;
                    case Status.InFlight: unconfirmed++; break;
                    case Status.Pending: pendingRetry++; break;
                }
            }

            return new RunReport
            {
                Outcome = result,
                Error = error,
                Total = events.Count,
                Sent = state.Sent,
                Accepted = state.Accepted,
                Rejected = state.Rejected,
                Retried = state.Retried,
                Skipped = events.Count - state.Sent,
                Unconfirmed = unconfirmed,
                PendingRetry = pendingRetry,
                Elapsed = _time.GetElapsedTime(startedAt),
                AcceptedEvents = accepted,
                Rejections = rejections,
                Truth = dataset.TruthOf(accepted),
            };
        }

        Report(cutoff);
        while (true)
        {
            if (stop.IsCancellationRequested || abort.IsCancellationRequested)
            {
                outcome = abort.IsCancellationRequested ? RunOutcome.Aborted : RunOutcome.Stopped;
                break;
            }

            var now = _time.GetUtcNow();
            if (!_options.Live && cursor < events.Count && events[cursor].SendAt > cutoff)
            {
                state.Skipped += events.Count - cursor;
                cursor = events.Count;
            }

            // While the sink pushes back, wait for the retry time before sending anything new.
            var batch = new List<int>();
            if (pending.Count > 0 && now >= retryAt)
            {
                var take = Math.Min(pending.Count, _options.MaxEventsPerSend);
                batch.AddRange(pending.Take(take));
                pending.RemoveRange(0, take);
            }

            if (pending.Count == 0)
            {
                while (cursor < events.Count && events[cursor].SendAt <= now && batch.Count < _options.MaxEventsPerSend)
                {
                    batch.Add(cursor++);
                }
            }

            if (batch.Count == 0)
            {
                if (cursor >= events.Count && pending.Count == 0)
                {
                    break;
                }

                var wake = pending.Count > 0 ? retryAt : events[cursor].SendAt;
                Report(now);
                try
                {
                    using var linked = CancellationTokenSource.CreateLinkedTokenSource(stop, abort);
                    // Timers take at most ~49 days; a farther wake-up is reached in steps.
                    var delay = wake - now;
                    await Task.Delay(delay < MaxWait ? delay : MaxWait, _time, linked.Token);
                }
                catch (OperationCanceledException)
                {
                    // The loop head decides between stopped and aborted.
                }

                continue;
            }

            foreach (var i in batch)
            {
                if (state.Status[i] == Status.NotSent)
                {
                    state.Sent++;
                }

                state.Status[i] = Status.InFlight;
            }

            IReadOnlyList<SinkItemResult?> results;
            try
            {
                var answer = await _sink.SendAsync(batch.Select(i => events[i].Event).ToList(), abort);
                if (answer.Count != batch.Count)
                {
                    throw new EventSinkException($"The sink answered {answer.Count} results for {batch.Count} events.");
                }

                results = answer.Select(r => (SinkItemResult?)r).ToList();
            }
            catch (OperationCanceledException) when (abort.IsCancellationRequested)
            {
                outcome = RunOutcome.Aborted;
                break;
            }
            catch (Exception ex)
            {
                if (ex is EventSinkException { PartialResults: { } partial } && partial.Count == batch.Count)
                {
                    Apply(state, batch, partial, pending);
                }

                throw new GeneratorRunException($"Sending failed: {ex.Message}", Finish(RunOutcome.Failed, ex.Message), ex);
            }

            var retries = Apply(state, batch, results, pending);
            var over = pending.FirstOrDefault(i => state.Attempts[i] > _options.MaxRetriesPerEvent, -1);
            if (over >= 0)
            {
                var message = $"An event was answered \"retry\" {state.Attempts[over]} times; the API does not recover.";
                throw new GeneratorRunException(message, Finish(RunOutcome.Failed, message), null);
            }

            if (retries > 0)
            {
                retryAt = _time.GetUtcNow() + retryDelay;
                retryDelay = TimeSpan.FromTicks(Math.Min(retryDelay.Ticks * 2, _options.MaxRetryDelay.Ticks));
            }
            else
            {
                retryDelay = _options.InitialRetryDelay;
            }

            Report(_time.GetUtcNow());
        }

        return Finish(outcome, null);
    }

    /// <summary>Records the answers; returns how many were "retry" (those go back to <paramref name="pending"/>).</summary>
    private static int Apply(State state, List<int> batch, IReadOnlyList<SinkItemResult?> results, List<int> pending)
    {
        var retries = 0;
        for (var k = 0; k < batch.Count; k++)
        {
            var i = batch[k];
            switch (results[k]?.Status)
            {
                case SinkStatus.Accepted:
                    state.Status[i] = Status.Accepted;
                    state.Accepted++;
                    break;
                case SinkStatus.Rejected:
                    state.Status[i] = Status.Rejected;
                    state.Errors[i] = results[k]!.Value.Error;
                    state.Rejected++;
                    break;
                case SinkStatus.Retry:
                    state.Status[i] = Status.Pending;
                    state.Attempts[i]++;
                    state.Retried++;
                    retries++;
                    pending.Add(i);
                    break;
                default:
                    break; // unknown outcome: stays in flight
            }
        }

        return retries;
    }

    private enum Status : byte
    {
        NotSent,
        InFlight,
        Pending,
        Accepted,
        Rejected,
    }

    private sealed class State(int count)
    {
        public readonly Status[] Status = new Status[count];
        public readonly string?[] Errors = new string?[count];
        public readonly int[] Attempts = new int[count];
        public int Sent;
        public int Accepted;
        public int Rejected;
        public long Retried;
        public int Skipped;
    }
}
