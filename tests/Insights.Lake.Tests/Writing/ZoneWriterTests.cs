namespace Insights.Lake.Tests.Writing;

using Insights.Lake.Local;
using Insights.Lake.Records;
using Insights.Lake.Writing;
using Microsoft.Extensions.Logging.Abstractions;

public sealed class ZoneWriterTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Hour10 = new(2026, 11, 24, 10, 15, 0, TimeSpan.Zero);
    private readonly string _root = Path.Combine(Path.GetTempPath(), "insights-writer-" + Guid.NewGuid().ToString("N"));
    private readonly List<ZoneWriter<RawEventRecord>> _writers = [];
    private LocalFolderBlobStore _local = null!;

    public Task InitializeAsync()
    {
        _local = new LocalFolderBlobStore(_root);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        foreach (var w in _writers)
        {
            await w.DisposeAsync();
        }

        Directory.Delete(_root, recursive: true);
    }

    private ZoneWriter<RawEventRecord> Writer(IBlobStore store, LakeWriterOptions? options = null)
    {
        var writer = new ZoneWriter<RawEventRecord>(
            "test",
            store,
            new JsonLinesGzipFormat<RawEventRecord>(LakeJsonContext.Default.RawEventRecord),
            r => (r.Type, r.ReceivedAt),
            options ?? new LakeWriterOptions { MaxFileAge = TimeSpan.FromHours(1), TickInterval = TimeSpan.FromMilliseconds(50) },
            TimeProvider.System,
            NullLogger.Instance);
        _writers.Add(writer);
        return writer;
    }

    private static List<RawEventRecord> Rows(int count, string dataset = "comments", DateTimeOffset? at = null, int offset = 0) =>
        Enumerable.Range(offset, count).Select(i => new RawEventRecord
        {
            ReceivedAt = at ?? Hour10,
            Source = "test",
            BatchId = "b",
            Index = i,
            Type = dataset,
            Event = new RawJson($$"""{"n": {{i}}}"""),
        }).ToList();

    private async Task<List<(string Path, List<RawEventRecord> Rows)>> FilesAsync()
    {
        var files = new List<(string, List<RawEventRecord>)>();
        await foreach (var f in _local.ListAsync(""))
        {
            var rows = new List<RawEventRecord>();
            await foreach (var r in JsonLinesGzipFormat<RawEventRecord>.ReadAsync((await _local.ReadAsync(f.Path))!, LakeJsonContext.Default.RawEventRecord))
            {
                rows.Add(r);
            }

            files.Add((f.Path, rows));
        }

        return files;
    }

    [Fact]
    public async Task A_partition_is_cut_into_files_of_at_most_MaxRowsPerFile()
    {
        var writer = Writer(_local, new LakeWriterOptions { MaxRowsPerFile = 100, MaxFileAge = TimeSpan.FromHours(1) });
        Assert.True(writer.TryAdd(Rows(250)));
        await writer.FlushAsync();

        var files = await FilesAsync();
        Assert.Equal([100, 100, 50], files.Select(f => f.Rows.Count).OrderByDescending(n => n));
        Assert.Equal(Enumerable.Range(0, 250), files.SelectMany(f => f.Rows).Select(r => r.Index).Order());
        Assert.Equal(0, writer.BufferedRows);
    }

    [Fact]
    public async Task Rows_land_in_dataset_date_and_hour_partitions()
    {
        var writer = Writer(_local);
        writer.TryAdd(Rows(3, "comments"));
        writer.TryAdd(Rows(2, "videos"));
        writer.TryAdd(Rows(4, "comments", Hour10.AddHours(1)));
        await writer.FlushAsync();

        var files = await FilesAsync();
        Assert.Equal(3, files.Count);
        Assert.Matches(@"^comments/date=2026-11-24/hour=10/part-\d{8}T\d{9}-[0-9a-f]{8}-\d{6}\.jsonl\.gz$", files[0].Path);
        Assert.Equal(3, files.Single(f => f.Path.StartsWith("comments/date=2026-11-24/hour=10/")).Rows.Count);
        Assert.Equal(4, files.Single(f => f.Path.StartsWith("comments/date=2026-11-24/hour=11/")).Rows.Count);
        Assert.Equal(2, files.Single(f => f.Path.StartsWith("videos/date=2026-11-24/hour=10/")).Rows.Count);
    }

    [Fact]
    public async Task An_old_enough_partition_is_written_without_being_asked()
    {
        var writer = Writer(_local, new LakeWriterOptions { MaxFileAge = TimeSpan.FromMilliseconds(200), TickInterval = TimeSpan.FromMilliseconds(50) });
        writer.TryAdd(Rows(5));

        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (writer.BufferedRows > 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        Assert.Equal(5, (await FilesAsync()).Sum(f => f.Rows.Count));
    }

    [Fact]
    public async Task A_flush_writes_what_was_buffered_when_called_while_others_keep_adding()
    {
        // Files far larger and older than the test: the neighbour's rows always leave a partition open.
        var writer = Writer(_local, new LakeWriterOptions { MaxRowsPerFile = 1_000_000, MaxFileAge = TimeSpan.FromHours(1), TickInterval = TimeSpan.FromMilliseconds(50) });
        Assert.True(writer.TryAdd(Rows(120)));
        using var stopAdding = new CancellationTokenSource();
        var producer = Task.Run(async () =>
        {
            // A busy neighbour: without a flush bounded to what was there when it was called, this would keep the
            // writer from ever being empty, and the flush from returning.
            for (var i = 1000; !stopAdding.IsCancellationRequested; i += 10)
            {
                writer.TryAdd(Rows(10, offset: i));
                await Task.Delay(1);
            }
        });

        // Let the neighbour get going first; the bound only catches a flush that never returns.
        await Task.Delay(100);
        await writer.FlushAsync().WaitAsync(TimeSpan.FromSeconds(30));
        var written = (await FilesAsync()).SelectMany(f => f.Rows).Select(r => r.Index).ToHashSet();
        await stopAdding.CancelAsync();
        await producer;

        Assert.Superset(Enumerable.Range(0, 120).ToHashSet(), written);
    }

    [Fact]
    public async Task The_raw_payload_is_kept_byte_for_byte()
    {
        var writer = Writer(_local);
        const string payload = """{ "type" : "comment", "text":"caf\u00e9 🔥",  "extra":[1, 2.50] }""";
        writer.TryAdd([Rows(1)[0] with { Event = new RawJson(payload) }]);
        await writer.FlushAsync();

        Assert.Equal(payload, (await FilesAsync()).Single().Rows.Single().Event.Text);
    }

    [Fact]
    public async Task While_storage_is_down_rows_are_kept_new_ones_refused_past_the_bound_and_all_written_once_it_is_back()
    {
        var flaky = new FlakyBlobStore(_local).Fail();
        var writer = Writer(flaky, new LakeWriterOptions
        {
            MaxRowsPerFile = 10,
            MaxBufferedRows = 40,
            MaxFileAge = TimeSpan.FromMilliseconds(100),
            TickInterval = TimeSpan.FromMilliseconds(20),
            InitialRetryDelay = TimeSpan.FromMilliseconds(20),
            MaxRetryDelay = TimeSpan.FromMilliseconds(100),
        });

        Assert.True(writer.TryAdd(Rows(30)));
        Assert.True(writer.TryAdd(Rows(10, offset: 30)));
        Assert.False(writer.TryAdd(Rows(1, offset: 40))); // the bound: back-pressure, not growth
        Assert.False(writer.HasRoomFor(1));

        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (writer.FailedWrites < 3 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }

        Assert.True(writer.FailedWrites >= 3);
        Assert.Equal(40, writer.BufferedRows);
        Assert.Empty(await FilesAsync());

        var waiting = writer.AddAsync(Rows(5, offset: 40)).AsTask(); // a producer held back while storage is down
        await Task.Delay(100);
        Assert.False(waiting.IsCompleted);

        flaky.Recover();
        await waiting.WaitAsync(TimeSpan.FromSeconds(10));
        await writer.FlushAsync().WaitAsync(TimeSpan.FromSeconds(10));

        var written = (await FilesAsync()).SelectMany(f => f.Rows).Select(r => r.Index).Order().ToList();
        Assert.Equal(Enumerable.Range(0, 45), written);
        Assert.Equal(0, writer.BufferedRows);
    }

    [Fact]
    public async Task A_write_that_landed_but_whose_answer_was_lost_is_not_written_twice()
    {
        var flaky = new FlakyBlobStore(_local).FailNext(1, FlakyMode.AfterCall);
        var writer = Writer(flaky, new LakeWriterOptions { InitialRetryDelay = TimeSpan.FromMilliseconds(10), MaxFileAge = TimeSpan.FromHours(1) });
        writer.TryAdd(Rows(7));
        await writer.FlushAsync().WaitAsync(TimeSpan.FromSeconds(10));

        var files = await FilesAsync();
        Assert.Single(files);
        Assert.Equal(7, files[0].Rows.Count);
        Assert.Equal(1, writer.FailedWrites);
    }

    [Fact]
    public async Task A_durable_add_returns_only_once_its_rows_are_in_storage_long_before_MaxFileAge()
    {
        var flaky = new FlakyBlobStore(_local).Fail();
        var writer = Writer(flaky, new LakeWriterOptions
        {
            MaxFileAge = TimeSpan.FromHours(1),
            CommitDelay = TimeSpan.FromMilliseconds(10),
            TickInterval = TimeSpan.FromMilliseconds(20),
            InitialRetryDelay = TimeSpan.FromMilliseconds(20),
            MaxRetryDelay = TimeSpan.FromMilliseconds(50),
        });

        var first = writer.AddDurablyAsync(Rows(5));
        var second = writer.AddDurablyAsync(Rows(3, dataset: "videos", offset: 5));
        while (writer.FailedWrites < 2)
        {
            await Task.Delay(20);
        }

        // Storage is down: nothing is written, so neither caller may acknowledge; the writer says it is failing.
        Assert.True(writer.IsFailing);
        Assert.False(first.IsCompleted);
        Assert.False(second.IsCompleted);
        Assert.Empty(await FilesAsync());

        flaky.Recover();
        await Task.WhenAll(first, second).WaitAsync(TimeSpan.FromSeconds(10));

        // Everything the callers were answered for is in files, each row once, with no flush and MaxFileAge an hour away.
        var written = (await FilesAsync()).SelectMany(f => f.Rows).Select(r => r.Index).Order().ToList();
        Assert.Equal(Enumerable.Range(0, 8), written);
        Assert.Equal(0, writer.BufferedRows);
        Assert.False(writer.IsFailing);
    }

    [Fact]
    public async Task A_durable_add_still_waiting_when_the_writer_stops_fails_instead_of_returning()
    {
        var flaky = new FlakyBlobStore(_local).Fail();
        var writer = Writer(flaky, new LakeWriterOptions { MaxFileAge = TimeSpan.FromHours(1), CommitDelay = TimeSpan.Zero, InitialRetryDelay = TimeSpan.FromMilliseconds(20) });
        var waiting = writer.AddDurablyAsync(Rows(2));
        await writer.DisposeAsync();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => waiting.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Empty(await FilesAsync());
    }
}
