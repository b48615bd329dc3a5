namespace Insights.Sentiment.Remote;

using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

/// <summary>
/// Coalesces concurrent <see cref="AnalyzeAsync"/> calls (from many video grains of a silo) into calls of the
/// inner analyzer of up to <see cref="SentimentBatcherOptions.MaxBatchSize"/> texts, so a remote analyzer gets
/// full requests instead of one per comment or per grain:
/// <list type="bullet">
/// <item>texts queue in arrival order; a batch is sent as soon as it is full, or when its oldest text has waited
/// <see cref="SentimentBatcherOptions.Window"/>, whichever comes first;</item>
/// <item>at most <see cref="SentimentBatcherOptions.MaxConcurrentBatches"/> inner calls run at once; while all
/// are busy, texts wait and batches fill;</item>
/// <item>a caller's task completes when all its texts are scored, with results in its order; if a batch holding
/// one of its texts fails, the caller gets that exception;</item>
/// <item>with an overflow analyzer and <see cref="SentimentBatcherOptions.MaxWait"/>, a caller never waits longer:
/// what is still unscored then is scored by the overflow analyzer.</item>
/// </list>
/// Thread-safe; one instance per silo. The inner analyzer is called from the thread pool, never from the caller's
/// (grain) scheduler, with the batcher's own cancellation (disposal), not the callers'.
/// <para>
/// Written here because no library in use does this: Polly and Microsoft.Extensions.Resilience guard one call at
/// a time (retry, breaker, timeout, rate limit), they do not merge many callers' items into one call and split the
/// answer back; the per-caller deadline with an overflow analyzer is a fallback per text, not per call.
/// </para>
/// </summary>
public sealed partial class SentimentBatcher : ISentimentAnalyzer, IAsyncDisposable
{
    private readonly ISentimentAnalyzer inner;
    private readonly ISentimentAnalyzer? overflow;
    private readonly SentimentBatcherOptions options;
    private readonly TimeProvider time;
    private readonly ILogger logger;
    private readonly Channel<Pending> queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    private readonly SemaphoreSlim slots;
    private readonly CancellationTokenSource stopping = new();
    private readonly Task loop;
    private long batches;
    private long texts;
    private long overflowTexts;

    /// <param name="inner">Called with at most <see cref="SentimentBatcherOptions.MaxBatchSize"/> texts at a time.</param>
    /// <param name="options">Copied.</param>
    /// <param name="overflow">Scores what waited longer than <see cref="SentimentBatcherOptions.MaxWait"/>; required if MaxWait is set.</param>
    /// <param name="logger">Optional.</param>
    /// <param name="timeProvider">Clock of the window; the system clock when null.</param>
    public SentimentBatcher(
        ISentimentAnalyzer inner,
        SentimentBatcherOptions options,
        ISentimentAnalyzer? overflow = null,
        ILogger? logger = null,
        TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(inner);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        if (options.MaxWait is not null && overflow is null)
        {
            throw new ArgumentException("MaxWait needs an overflow analyzer.", nameof(overflow));
        }

        this.inner = inner;
        this.overflow = overflow;
        this.options = new SentimentBatcherOptions
        {
            MaxBatchSize = options.MaxBatchSize,
            Window = options.Window,
            MaxConcurrentBatches = options.MaxConcurrentBatches,
            MaxWait = options.MaxWait,
        };
        this.logger = logger ?? NullLogger.Instance;
        time = timeProvider ?? TimeProvider.System;
        slots = new SemaphoreSlim(options.MaxConcurrentBatches);
        loop = Task.Run(RunAsync);
    }

    public string Name => inner.Name;

    /// <summary>The analyzer batches are sent to.</summary>
    public ISentimentAnalyzer Inner => inner;

    /// <summary>Inner calls made.</summary>
    public long Batches => Interlocked.Read(ref batches);

    /// <summary>Texts sent to the inner analyzer.</summary>
    public long Texts => Interlocked.Read(ref texts);

    /// <summary>Texts scored by the overflow analyzer because their caller waited <see cref="SentimentBatcherOptions.MaxWait"/>.</summary>
    public long OverflowTexts => Interlocked.Read(ref overflowTexts);

    public async ValueTask<IReadOnlyList<SentimentResult>> AnalyzeAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(texts);
        if (texts.Count == 0)
        {
            return [];
        }

        ObjectDisposedException.ThrowIf(stopping.IsCancellationRequested, this);
        cancellationToken.ThrowIfCancellationRequested();
        var call = new Call(texts.Count);
        var now = time.GetTimestamp();
        for (var i = 0; i < texts.Count; i++)
        {
            if (!queue.Writer.TryWrite(new Pending(call, i, texts[i] ?? "", now)))
            {
                call.Fail(new ObjectDisposedException(nameof(SentimentBatcher)));
                break;
            }
        }

        await using var registration = cancellationToken.CanBeCanceled
            ? cancellationToken.Register(static state => ((Call)state!).Cancel(), call)
            : default;
        if (options.MaxWait is { } maxWait && overflow is not null)
        {
            try
            {
                await call.Task.WaitAsync(maxWait, time, CancellationToken.None).ConfigureAwait(false);
            }
            catch (TimeoutException) when (!call.Task.IsCompleted)
            {
                await OverflowAsync(call, texts, cancellationToken).ConfigureAwait(false);
            }
            catch
            {
                // The call's own outcome (a failure, a cancellation) is observed below.
            }
        }

        try
        {
            return await call.Task.ConfigureAwait(false);
        }
        catch (TaskCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw new OperationCanceledException(cancellationToken);
        }
    }

    /// <summary>Scores what the caller still misses with the overflow analyzer.</summary>
    private async Task OverflowAsync(Call call, IReadOnlyList<string> callerTexts, CancellationToken cancellationToken)
    {
        var missing = call.Unfinished();
        if (missing.Count == 0)
        {
            return;
        }

        LogOverflow(missing.Count, options.MaxWait!.Value, overflow!.Name);
        try
        {
            var results = await overflow.AnalyzeAsync(missing.Select(i => callerTexts[i]).ToArray(), cancellationToken).ConfigureAwait(false);
            var scored = 0;
            for (var j = 0; j < missing.Count; j++)
            {
                scored += call.Complete(missing[j], results[j]) ? 1 : 0;
            }

            Interlocked.Add(ref overflowTexts, scored);
            SentimentMetrics.OverflowTexts.Add(scored);
        }
        catch (Exception ex)
        {
            call.Fail(ex);
        }
    }

    private async Task RunAsync()
    {
        var reader = queue.Reader;
        var batch = new List<Pending>(options.MaxBatchSize);
        var stop = stopping.Token;
        try
        {
            while (await reader.WaitToReadAsync(stop).ConfigureAwait(false))
            {
                Fill(reader, batch);
                if (batch.Count == 0)
                {
                    continue;
                }

                // Wait for the batch to fill, at most until its oldest text has waited the window.
                while (batch.Count < options.MaxBatchSize)
                {
                    var left = options.Window - time.GetElapsedTime(batch[0].Enqueued);
                    if (left <= TimeSpan.Zero)
                    {
                        break;
                    }

                    using (var windowEnd = CancellationTokenSource.CreateLinkedTokenSource(stop))
                    {
                        windowEnd.CancelAfter(left);
                        try
                        {
                            if (!await reader.WaitToReadAsync(windowEnd.Token).ConfigureAwait(false))
                            {
                                break;
                            }
                        }
                        catch (OperationCanceledException) when (!stop.IsCancellationRequested)
                        {
                            break;
                        }
                    }

                    Fill(reader, batch);
                }

                await slots.WaitAsync(stop).ConfigureAwait(false);
                batch.RemoveAll(pending => pending.Call.IsDone); // callers cancelled or overflowed meanwhile
                Fill(reader, batch); // texts that arrived while every slot was busy
                if (batch.Count == 0)
                {
                    slots.Release();
                    continue;
                }

                var send = batch.ToArray();
                batch.Clear();
                _ = SendAsync(send);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            LogLoopFailed(ex);
        }
        finally
        {
            var disposed = new ObjectDisposedException(nameof(SentimentBatcher));
            foreach (var pending in batch)
            {
                pending.Call.Fail(disposed);
            }

            while (reader.TryRead(out var pending))
            {
                pending.Call.Fail(disposed);
            }
        }
    }

    /// <summary>Moves queued texts into the batch until it is full, skipping those whose caller is done (cancelled, failed, overflowed).</summary>
    private void Fill(ChannelReader<Pending> reader, List<Pending> batch)
    {
        while (batch.Count < options.MaxBatchSize && reader.TryRead(out var pending))
        {
            if (!pending.Call.IsDone)
            {
                batch.Add(pending);
            }
        }
    }

    private async Task SendAsync(Pending[] batch)
    {
        try
        {
            Interlocked.Increment(ref batches);
            Interlocked.Add(ref texts, batch.Length);
            SentimentMetrics.Batches.Add(1);
            SentimentMetrics.BatchedTexts.Add(batch.Length);
            var batchTexts = new string[batch.Length];
            for (var i = 0; i < batch.Length; i++)
            {
                batchTexts[i] = batch[i].Text;
            }

            var results = await inner.AnalyzeAsync(batchTexts, stopping.Token).ConfigureAwait(false);
            if (results.Count != batch.Length)
            {
                throw new InvalidOperationException($"{inner.Name} returned {results.Count} results for {batch.Length} texts.");
            }

            for (var i = 0; i < batch.Length; i++)
            {
                batch[i].Call.Complete(batch[i].Index, results[i]);
            }
        }
        catch (Exception ex)
        {
            foreach (var pending in batch)
            {
                pending.Call.Fail(ex);
            }
        }
        finally
        {
            slots.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (stopping.IsCancellationRequested)
        {
            return;
        }

        queue.Writer.TryComplete();
        await stopping.CancelAsync().ConfigureAwait(false);
        await loop.ConfigureAwait(false);
        stopping.Dispose();
    }

    private readonly record struct Pending(Call Call, int Index, string Text, long Enqueued);

    /// <summary>One caller: its results, filled as batches complete, first answer per text wins.</summary>
    private sealed class Call(int count)
    {
        private readonly SentimentResult?[] results = new SentimentResult?[count];
        private readonly TaskCompletionSource<IReadOnlyList<SentimentResult>> completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int remaining = count;

        public Task<IReadOnlyList<SentimentResult>> Task => completion.Task;

        public bool IsDone => completion.Task.IsCompleted;

        public bool Complete(int index, SentimentResult result)
        {
            lock (results)
            {
                if (completion.Task.IsCompleted || results[index] is not null)
                {
                    return false;
                }

                results[index] = result;
                if (--remaining == 0)
                {
                    completion.TrySetResult(results!);
                }

                return true;
            }
        }

        public List<int> Unfinished()
        {
            lock (results)
            {
                var missing = new List<int>();
                if (!completion.Task.IsCompleted)
                {
                    for (var i = 0; i < results.Length; i++)
                    {
                        if (results[i] is null)
                        {
                            missing.Add(i);
                        }
                    }
                }

                return missing;
            }
        }

        public void Fail(Exception ex) => completion.TrySetException(ex);

        public void Cancel() => completion.TrySetCanceled();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Count} texts waited longer than {MaxWait} for remote scoring; scored with {Overflow}")]
    private partial void LogOverflow(int count, TimeSpan maxWait, string overflow);

    [LoggerMessage(Level = LogLevel.Critical, Message = "The sentiment batcher stopped; pending texts fail")]
    private partial void LogLoopFailed(Exception ex);
}
