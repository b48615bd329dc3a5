namespace Insights.Streaming.Tests.Support;

using Insights.Lake.Local;
using Insights.Lake.Records;
using Insights.Lake.Writing;
using Insights.Lake.Zones;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

/// <summary>A real <see cref="QuarantineWriter"/> over a lake in a temporary folder, and a way to read it back.</summary>
public sealed class QuarantineLake : IAsyncDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "insights-streaming-lake-" + Guid.NewGuid().ToString("N"));
    private readonly LocalFolderLakeStore _lake;

    public QuarantineLake()
    {
        _lake = new LocalFolderLakeStore(_root);
        Writer = new QuarantineWriter(_lake, new ZoneWriterFactory(Options.Create(new LakeWriterOptions()), TimeProvider.System, NullLoggerFactory.Instance));
    }

    public QuarantineWriter Writer { get; }

    /// <summary>Writes what is buffered, then reads every quarantine record in the lake.</summary>
    public async Task<List<QuarantineRecord>> ReadAsync()
    {
        await Writer.FlushAsync(CancellationToken.None);
        return await new LakeReader(_lake).ReadQuarantineAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await Writer.DisposeAsync();
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
    }
}
