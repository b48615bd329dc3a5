namespace Insights.Lake.Writing;

using System.Diagnostics.Metrics;
using System.Globalization;
using Microsoft.Extensions.Logging;

/// <summary>
/// Buffers rows per dataset and hour, and writes each buffer as one file when it is full or old enough, so the lake
/// gets files of bounded size and age: never a file per row. A failed write is retried with backoff, forever, with
/// the rows kept; while storage is down the buffer fills up to <see cref="LakeWriterOptions.MaxBufferedRows"/> and
/// then refuses new rows (<see cref="TryAdd"/> returns false, <see cref="AddAsync"/> waits): back-pressure rather than
/// loss. <see cref="FlushAsync"/> (on graceful shutdown, and before a checkpoint) writes everything buffered when it is
/// called; rows other callers add meanwhile do not hold it up. <see cref="AddDurablyAsync"/> returns only once its rows
/// are in storage: a group commit, every caller waiting within <see cref="LakeWriterOptions.CommitDelay"/> shares a file.
/// </summary>
public sealed partial class ZoneWriter<TRow> : IAsyncDisposable
{
    private static readonly Meter Meter = new("Insights.Lake");
    private static readonly Counter<long> RowsWritten = Meter.CreateCounter<long>("insights.lake.rows_written");
    private static readonly Counter<long> FilesWritten = Meter.CreateCounter<long>("insights.lake.files_written");
    private static readonly Counter<long> WriteFailures = Meter.CreateCounter<long>("insights.lake.write_failures");
    private static readonly UpDownCounter<long> Buffered = Meter.CreateUpDownCounter<long>("insights.lake.buffered_rows");

    private readonly string _name;
    private readonly IBlobStore _store;
    private readonly IFileFormat<TRow> _format;
    private readonly Func<TRow, (string Dataset, DateTimeOffset Time)> _partitionOf;
    private readonly LakeWriterOptions _options;
    private readonly TimeProvider _clock;
    private readonly ILogger _logger;
    private readonly string _instance = Guid.NewGuid().ToString("N")[..8];
    private readonly object _lock = new();
    private readonly Dictionary<(string Dataset, long Hour), Partition> _open = [];
    private readonly Queue<SealedBatch> _sealed = new();
    private readonly SemaphoreSlim _signal = new(0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private long _sequence;
    private long _writtenThrough;
    private int _buffered;
    private long _filesWritten;
    private long _failures;
    private int _disposed;
    private bool _awaited;
    private bool _failing;
    private SealedBatch? _writing;

    public ZoneWriter(
        string name,
        IBlobStore store,
        IFileFormat<TRow> format,
        Func<TRow, (string Dataset, DateTimeOffset Time)> partitionOf,
        LakeWriterOptions options,
        TimeProvider clock,
        ILogger logger)
    {
        _name = name;
        _store = store;
        _format = format;
        _partitionOf = partitionOf;
        _options = options;
        _clock = clock;
        _logger = logger;
        _loop = Task.Run(LoopAsync);
    }

    /// <summary>Rows accepted and not yet written.</summary>
    public int BufferedRows => Volatile.Read(ref _buffered);

    public long FilesWrittenCount => Interlocked.Read(ref _filesWritten);

    public long FailedWrites => Interlocked.Read(ref _failures);

    /// <summary>
    /// Whether the last write failed (storage down or refusing) and none has succeeded since: whoever must wait for
    /// rows to land (<see cref="AddDurablyAsync"/>) should not start now.
    /// </summary>
    public bool IsFailing => Volatile.Read(ref _failing);

    /// <summary>Whether <paramref name="rows"/> more rows fit in the buffer now.</summary>
    public bool HasRoomFor(int rows) => Volatile.Read(ref _buffered) + rows <= _options.MaxBufferedRows;

    /// <summary>Adds all rows, or none when they would not fit in the buffer.</summary>
    public bool TryAdd(IReadOnlyList<TRow> rows) => Add(rows, force: false);

    /// <summary>
    /// Adds rows whose room the caller checked with <see cref="HasRoomFor"/> before doing work it cannot undo;
    /// concurrent callers may overshoot the bound by what they checked.
    /// </summary>
    public void AddChecked(IReadOnlyList<TRow> rows) => Add(rows, force: true);

    private bool Add(IReadOnlyList<TRow> rows, bool force)
    {
        if (rows.Count == 0)
        {
            return true;
        }

        var sealedAny = false;
        lock (_lock)
        {
            if (!force && _buffered + rows.Count > _options.MaxBufferedRows)
            {
                return false;
            }

            var now = _clock.GetUtcNow();
            foreach (var row in rows)
            {
                var (dataset, time) = _partitionOf(row);
                var key = (dataset, time.UtcTicks / TimeSpan.TicksPerHour);
                if (!_open.TryGetValue(key, out var partition))
                {
                    _open[key] = partition = new Partition(now);
                }

                partition.Rows.Add(row);
                if (partition.Rows.Count >= _options.MaxRowsPerFile)
                {
                    Seal(key, partition);
                    sealedAny = true;
                }
            }

            _buffered += rows.Count;
        }

        Buffered.Add(rows.Count, new KeyValuePair<string, object?>("writer", _name));

        if (sealedAny)
        {
            _signal.Release();
        }

        return true;
    }

    public bool TryAdd(TRow row) => TryAdd([row]);

    /// <summary>
    /// Adds rows whose room the caller checked (as <see cref="AddChecked"/>) and returns once every one of them is in
    /// storage: whoever acknowledges them afterwards can lose nothing it acknowledged. The partitions they joined are
    /// written after <see cref="LakeWriterOptions.CommitDelay"/> (rows added meanwhile share the file) instead of
    /// waiting for <see cref="LakeWriterOptions.MaxFileAge"/>; a write that fails is retried as usual, and the wait
    /// lasts until it succeeds, <paramref name="cancellationToken"/> ends it, or the writer stops (then it throws).
    /// </summary>
    public async Task AddDurablyAsync(IReadOnlyList<TRow> rows, CancellationToken cancellationToken = default)
    {
        if (rows.Count == 0)
        {
            return;
        }

        var waits = new List<Task>(1);
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed == 1, this);
            var now = _clock.GetUtcNow();
            foreach (var row in rows)
            {
                var (dataset, time) = _partitionOf(row);
                var key = (dataset, time.UtcTicks / TimeSpan.TicksPerHour);
                if (!_open.TryGetValue(key, out var partition))
                {
                    _open[key] = partition = new Partition(now);
                }

                partition.Rows.Add(row);
                partition.Written ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                if (!waits.Contains(partition.Written.Task))
                {
                    waits.Add(partition.Written.Task);
                }

                if (partition.Rows.Count >= _options.MaxRowsPerFile)
                {
                    Seal(key, partition);
                }
            }

            _buffered += rows.Count;
            _awaited = true;
        }

        Buffered.Add(rows.Count, new KeyValuePair<string, object?>("writer", _name));
        _signal.Release();
        await Task.WhenAll(waits).WaitAsync(cancellationToken);
    }

    /// <summary>Adds the rows, waiting while the buffer is full (storage down or slow).</summary>
    public async ValueTask AddAsync(IReadOnlyList<TRow> rows, CancellationToken cancellationToken = default)
    {
        while (!TryAdd(rows))
        {
            await Task.Delay(50, cancellationToken);
        }
    }

    /// <summary>
    /// Writes everything buffered when it is called, retrying failed writes until done or cancelled. Batches are
    /// sealed with increasing numbers and written in order, so it waits for the last number sealed here only.
    /// </summary>
    public async Task FlushAsync(CancellationToken cancellationToken = default)
    {
        long target;
        lock (_lock)
        {
            foreach (var (key, partition) in _open.ToList())
            {
                Seal(key, partition);
            }

            target = _sequence;
        }

        _signal.Release();
        while (Interlocked.Read(ref _writtenThrough) < target)
        {
            await Task.Delay(10, cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        // The container may hand the same writer out under several service types and dispose each.
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        await _stop.CancelAsync();
        try
        {
            await _loop;
        }
        catch (Exception ex) when (ex is OperationCanceledException || _stop.IsCancellationRequested)
        {
            // A write that failed while stopping is not retried: its rows are counted as unwritten below.
        }

        if (BufferedRows > 0)
        {
            LogUnwritten(_name, BufferedRows);
        }

        // Whoever waits for rows that were never written must not acknowledge them.
        lock (_lock)
        {
            var stopped = new ObjectDisposedException(GetType().Name, $"Lake writer {_name} stopped before writing these rows.");
            foreach (var partition in _open.Values)
            {
                partition.Written?.TrySetException(stopped);
            }

            foreach (var batch in _sealed.Append(_writing))
            {
                batch?.Written?.TrySetException(stopped);
            }
        }

        _stop.Dispose();
    }

    private void Seal((string Dataset, long Hour) key, Partition partition)
    {
        _open.Remove(key);
        var hour = new DateTime(key.Hour * TimeSpan.TicksPerHour, DateTimeKind.Utc);
        var path = string.Create(CultureInfo.InvariantCulture,
            $"{key.Dataset}/date={hour:yyyy-MM-dd}/hour={hour:HH}/part-{_clock.GetUtcNow():yyyyMMdd'T'HHmmssfff}-{_instance}-{++_sequence:D6}{_format.Extension}");
        _sealed.Enqueue(new SealedBatch(BlobPaths.Validate(path), partition.Rows, _sequence, partition.Written));
    }

    private async Task LoopAsync()
    {
        var stop = _stop.Token;
        while (!stop.IsCancellationRequested)
        {
            await _signal.WaitAsync(_options.TickInterval, stop).ContinueWith(_ => { }, TaskScheduler.Default);
            if (Volatile.Read(ref _awaited))
            {
                // Callers wait for these rows: give concurrent callers a moment to join the same file, then write.
                await Task.Delay(_options.CommitDelay, stop).ContinueWith(_ => { }, TaskScheduler.Default);
            }

            SealDue();
            while (TryTakeSealed(out var batch))
            {
                _writing = batch;
                await WriteWithRetryAsync(batch, stop);
                _writing = null;
            }
        }
    }

    private void SealDue()
    {
        var due = _clock.GetUtcNow() - _options.MaxFileAge;
        lock (_lock)
        {
            _awaited = false;
            foreach (var (key, partition) in _open.ToList())
            {
                if (partition.OpenedAt <= due || partition.Written is not null)
                {
                    Seal(key, partition);
                }
            }
        }
    }

    private bool TryTakeSealed(out SealedBatch batch)
    {
        lock (_lock)
        {
            return _sealed.TryDequeue(out batch!);
        }
    }

    private async Task WriteWithRetryAsync(SealedBatch batch, CancellationToken stop)
    {
        var content = await _format.EncodeAsync(batch.Rows, stop);
        var delay = _options.InitialRetryDelay;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                // TryCreate: a retry after a write that did land but whose answer was lost must not fail or duplicate.
                await _store.TryCreateAsync(batch.Path, content, stop);
                lock (_lock)
                {
                    _buffered -= batch.Rows.Count;
                }

                Interlocked.Exchange(ref _writtenThrough, batch.Sequence);
                Volatile.Write(ref _failing, false);
                batch.Written?.TrySetResult();

                Buffered.Add(-batch.Rows.Count, new KeyValuePair<string, object?>("writer", _name));

                Interlocked.Increment(ref _filesWritten);
                FilesWritten.Add(1, new KeyValuePair<string, object?>("writer", _name));
                RowsWritten.Add(batch.Rows.Count, new KeyValuePair<string, object?>("writer", _name));
                if (attempt > 1)
                {
                    LogRecovered(_name, batch.Path, attempt);
                }

                return;
            }
            catch (Exception ex) when (!stop.IsCancellationRequested)
            {
                Volatile.Write(ref _failing, true);
                Interlocked.Increment(ref _failures);
                WriteFailures.Add(1, new KeyValuePair<string, object?>("writer", _name));
                LogWriteFailed(_name, batch.Path, batch.Rows.Count, attempt, BufferedRows, delay, ex);
                await Task.Delay(delay, stop);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, _options.MaxRetryDelay.Ticks));
            }
        }
    }

    private sealed class Partition(DateTimeOffset openedAt)
    {
        public DateTimeOffset OpenedAt { get; } = openedAt;

        public List<TRow> Rows { get; } = [];

        /// <summary>Completed once the partition's file is written; set when a caller of <see cref="AddDurablyAsync"/> waits for it.</summary>
        public TaskCompletionSource? Written { get; set; }
    }

    private sealed record SealedBatch(string Path, List<TRow> Rows, long Sequence, TaskCompletionSource? Written);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Lake writer {Writer}: writing {Path} ({Rows} rows) failed on attempt {Attempt}; {Buffered} rows buffered; retrying in {Delay}")]
    private partial void LogWriteFailed(string writer, string path, int rows, int attempt, int buffered, TimeSpan delay, Exception ex);

    [LoggerMessage(Level = LogLevel.Information, Message = "Lake writer {Writer}: wrote {Path} after {Attempt} attempts")]
    private partial void LogRecovered(string writer, string path, int attempt);

    [LoggerMessage(Level = LogLevel.Error, Message = "Lake writer {Writer}: stopped with {Rows} rows not written")]
    private partial void LogUnwritten(string writer, int rows);
}
