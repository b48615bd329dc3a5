namespace Insights.Generator;

using System.Text;
using Insights.Wire;

/// <summary>Writes events as JSON Lines (one wire event per line, '\n' separated, UTF-8 without BOM); accepts all.</summary>
public sealed class JsonLinesFileSink : IEventSink, IAsyncDisposable, IDisposable
{
    private readonly StreamWriter _writer;
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>Creates (or truncates) <paramref name="path"/>, creating its directory if needed.</summary>
    public JsonLinesFileSink(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        Path = System.IO.Path.GetFullPath(path);
        var dir = System.IO.Path.GetDirectoryName(Path);
        if (!string.IsNullOrEmpty(dir))
        {
            Directory.CreateDirectory(dir);
        }

        _writer = new StreamWriter(Path, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false)) { NewLine = "\n" };
    }

    public string Path { get; }

    public long Written { get; private set; }

    public async Task<IReadOnlyList<SinkItemResult>> SendAsync(IReadOnlyList<WireEvent> events, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(events);
        await _gate.WaitAsync(cancellationToken);
        try
        {
            foreach (var e in events)
            {
                await _writer.WriteLineAsync(WireJson.Serialize(e).AsMemory(), cancellationToken);
            }

            await _writer.FlushAsync(cancellationToken);
            Written += events.Count;
        }
        finally
        {
            _gate.Release();
        }

        var results = new SinkItemResult[events.Count];
        Array.Fill(results, SinkItemResult.Accepted);
        return results;
    }

    public async ValueTask DisposeAsync()
    {
        await _writer.DisposeAsync();
        _gate.Dispose();
    }

    public void Dispose()
    {
        _writer.Dispose();
        _gate.Dispose();
    }
}
