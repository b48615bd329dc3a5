namespace Insights.Testing;

using System.Net.Http;
using System.Net.Sockets;
using System.Runtime.CompilerServices;
using global::Azure;
using Insights.Lake;

/// <summary>Which call of <see cref="IBlobStore"/> an attempt was.</summary>
public enum BlobOperation
{
    Write,
    TryCreate,
    Read,
    List,
    Delete,
}

/// <summary>
/// An <see cref="IBlobStore"/> decorator simulating a storage outage, for testing what writers do when the lake is
/// down. While failing, every call throws what a real outage throws (by default the Azure SDK's 503 ServerBusy) and,
/// in <see cref="FlakyMode.BeforeCall"/>, never reaches the inner store; in <see cref="FlakyMode.AfterCall"/> the
/// call is done but its answer is lost (the caller cannot tell whether a write landed). Every attempt is counted,
/// failed or not. Thread-safe.
/// </summary>
public sealed class FlakyBlobStore(IBlobStore inner) : IBlobStore
{
    private readonly object _gate = new();
    private readonly int[] _attempts = new int[Enum.GetValues<BlobOperation>().Length];
    private bool _failing;
    private int _failNext;
    private int _failures;
    private FlakyMode _mode = FlakyMode.BeforeCall;
    private Func<BlobOperation, string, Exception> _outage = Outages.ServiceUnavailable;

    public IBlobStore Inner { get; } = inner ?? throw new ArgumentNullException(nameof(inner));

    /// <summary>Whether every call fails now (until <see cref="Recover"/>).</summary>
    public bool IsFailing
    {
        get
        {
            lock (_gate)
            {
                return _failing || _failNext > 0;
            }
        }
    }

    /// <summary>All attempts so far, failed or not.</summary>
    public int Attempts
    {
        get
        {
            lock (_gate)
            {
                return _attempts.Sum();
            }
        }
    }

    /// <summary>Attempts that threw an outage.</summary>
    public int Failures
    {
        get
        {
            lock (_gate)
            {
                return _failures;
            }
        }
    }

    public int AttemptsOf(BlobOperation operation)
    {
        lock (_gate)
        {
            return _attempts[(int)operation];
        }
    }

    /// <summary>Starts an outage: every call fails until <see cref="Recover"/>.</summary>
    /// <param name="mode">Whether the inner store sees the calls.</param>
    /// <param name="outage">The exception to throw (operation, path or prefix); <see cref="Outages.ServiceUnavailable"/> by default.</param>
    public FlakyBlobStore Fail(FlakyMode mode = FlakyMode.BeforeCall, Func<BlobOperation, string, Exception>? outage = null)
    {
        lock (_gate)
        {
            _failing = true;
            _mode = mode;
            _outage = outage ?? Outages.ServiceUnavailable;
        }

        return this;
    }

    /// <summary>Fails only the next <paramref name="count"/> calls, then works again (a blip, for retry tests).</summary>
    public FlakyBlobStore FailNext(int count, FlakyMode mode = FlakyMode.BeforeCall, Func<BlobOperation, string, Exception>? outage = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        lock (_gate)
        {
            _failNext = count;
            _mode = mode;
            _outage = outage ?? Outages.ServiceUnavailable;
        }

        return this;
    }

    /// <summary>Ends the outage: calls go through again.</summary>
    public FlakyBlobStore Recover()
    {
        lock (_gate)
        {
            _failing = false;
            _failNext = 0;
        }

        return this;
    }

    /// <summary>Zeroes the counters (not the outage state).</summary>
    public void ResetCounts()
    {
        lock (_gate)
        {
            Array.Clear(_attempts);
            _failures = 0;
        }
    }

    public Task WriteAsync(string path, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default) =>
        RunAsync(BlobOperation.Write, path, async () =>
        {
            await Inner.WriteAsync(path, content, cancellationToken);
            return true;
        });

    public Task<bool> TryCreateAsync(string path, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default) =>
        RunAsync(BlobOperation.TryCreate, path, () => Inner.TryCreateAsync(path, content, cancellationToken));

    public Task<byte[]?> ReadAsync(string path, CancellationToken cancellationToken = default) =>
        RunAsync(BlobOperation.Read, path, () => Inner.ReadAsync(path, cancellationToken));

    /// <summary>An outage fails the listing when enumeration starts (after the inner listing in <see cref="FlakyMode.AfterCall"/>).</summary>
    public async IAsyncEnumerable<BlobFile> ListAsync(string prefix, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var files = await RunAsync(BlobOperation.List, prefix, async () =>
        {
            var list = new List<BlobFile>();
            await foreach (var file in Inner.ListAsync(prefix, cancellationToken))
            {
                list.Add(file);
            }

            return list;
        });
        foreach (var file in files)
        {
            yield return file;
        }
    }

    public Task<bool> DeleteAsync(string path, CancellationToken cancellationToken = default) =>
        RunAsync(BlobOperation.Delete, path, () => Inner.DeleteAsync(path, cancellationToken));

    private async Task<T> RunAsync<T>(BlobOperation operation, string path, Func<Task<T>> call)
    {
        bool fail;
        FlakyMode mode;
        Func<BlobOperation, string, Exception> outage;
        lock (_gate)
        {
            _attempts[(int)operation]++;
            fail = _failing || _failNext > 0;
            if (!_failing && _failNext > 0)
            {
                _failNext--;
            }

            if (fail)
            {
                _failures++;
            }

            mode = _mode;
            outage = _outage;
        }

        if (fail && mode == FlakyMode.BeforeCall)
        {
            throw outage(operation, path);
        }

        var result = await call();
        if (fail)
        {
            throw outage(operation, path);
        }

        return result;
    }

    /// <summary>Exceptions real outages throw.</summary>
    public static class Outages
    {
        /// <summary>Azure answering 503 ServerBusy (what throttling and service incidents look like).</summary>
        public static Exception ServiceUnavailable(BlobOperation operation, string path) =>
            new RequestFailedException(503, $"The server is busy. (simulated outage: {operation} '{path}')", "ServerBusy", null);

        /// <summary>Azure unreachable: the SDK's status-0 failure around a refused connection.</summary>
        public static Exception Unreachable(BlobOperation operation, string path) =>
            new RequestFailedException(
                $"Connection refused (simulated outage: {operation} '{path}')",
                new HttpRequestException("Connection refused", new SocketException((int)SocketError.ConnectionRefused)));

        /// <summary>The local disk failing (full, unmounted, read-only).</summary>
        public static Exception DiskFailure(BlobOperation operation, string path) =>
            new IOException($"No space left on device (simulated outage: {operation} '{path}')");
    }
}

/// <summary>When a <see cref="FlakyBlobStore"/> outage strikes.</summary>
public enum FlakyMode
{
    /// <summary>The call fails before reaching the store: nothing happened.</summary>
    BeforeCall,

    /// <summary>The call reaches the store and takes effect, then fails: the answer was lost on the way back.</summary>
    AfterCall,
}
