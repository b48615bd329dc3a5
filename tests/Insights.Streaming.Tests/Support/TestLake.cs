namespace Insights.Streaming.Tests.Support;

using Insights.Lake;
using Insights.Lake.Local;
using Insights.Lake.Records;
using Insights.Lake.Writing;
using Insights.Lake.Zones;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

/// <summary>
/// Real raw and quarantine writers over a lake in a temporary folder. Files are only written on a flush (the file age
/// is an hour), so what is on disk tells whether the receiver flushed.
/// </summary>
internal sealed class TestLake : IAsyncDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "insights-eventhubs-lake-" + Guid.NewGuid().ToString("N"));

    public TestLake(int maxBufferedRows = 1_000_000)
    {
        Store = new LocalFolderLakeStore(_root);
        var factory = new ZoneWriterFactory(
            Options.Create(new LakeWriterOptions { MaxFileAge = TimeSpan.FromHours(1), MaxBufferedRows = maxBufferedRows }),
            TimeProvider.System,
            NullLoggerFactory.Instance);
        Raw = new RawZoneWriter(Store, factory);
        Quarantine = new QuarantineWriter(Store, factory);
    }

    public ILakeStore Store { get; }

    public RawZoneWriter Raw { get; }

    public QuarantineWriter Quarantine { get; }

    /// <summary>Raw records written so far (nothing buffered is flushed first).</summary>
    public async Task<List<RawEventRecord>> WrittenRawAsync()
    {
        var records = new List<RawEventRecord>();
        await foreach (var r in new LakeReader(Store).ReadRawAsync())
        {
            records.Add(r);
        }

        return records;
    }

    public async Task<List<RawEventRecord>> FlushedRawAsync()
    {
        await Raw.FlushAsync(CancellationToken.None);
        return await WrittenRawAsync();
    }

    public async Task<List<QuarantineRecord>> FlushedQuarantineAsync()
    {
        await Quarantine.FlushAsync(CancellationToken.None);
        return await new LakeReader(Store).ReadQuarantineAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await Raw.DisposeAsync();
        await Quarantine.DisposeAsync();
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
    }
}
