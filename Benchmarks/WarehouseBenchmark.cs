namespace Insights.Benchmarks;

using System.Diagnostics;
using DuckDB.NET.Data;
using Insights.Benchmarks.Reporting;
using Insights.Lake;
using Insights.Lake.Local;
using Insights.Lake.Records;
using Insights.Lake.Writing;
using Insights.Warehouse.Loading;
using Insights.Warehouse.Schema;
using Insights.Warehouse.Sql;
using Insights.Warehouse.Targets;
using Parquet.Serialization;

/// <summary>
/// Rows per second the warehouse loader puts into DuckDB from processed-zone Parquet (local lake folder, files of
/// <c>Insights:Lake:Writer:MaxRowsPerFile</c> rows as the writers cut them), for comments and for video snapshots,
/// timed from the start of the load to the close of its session (DuckDB checkpoints then): units of files per
/// transaction (delete old rows, insert from <c>read_parquet</c>, manifest entries), so the figure includes the
/// bookkeeping that makes loads idempotent. The same-work baseline is DuckDB alone: the same files into the same
/// table of a fresh database with one <c>INSERT ... SELECT ... FROM read_parquet([all files])</c>, no manifest.
/// The same rows are also written in the lake's layout before the columnar one (Parquet.Net's row
/// serializer, INT96 timestamps, plain strings) into a second lake, and everything is measured on both, interleaved:
/// the writers' processor time per row, and the loads' and DuckDB's. Then the cost of a load that finds nothing to do.
/// </summary>
public sealed class WarehouseBenchmark : IBenchmarkSection
{
    public string Flag => "--warehouse";

    public Task RunAsync(BenchmarkContext context) => RunAsync(context.Output, context.Report, comments: 1_000_000, snapshots: 250_000);

    public static async Task RunAsync(TextWriter output, BenchmarkReport report, int comments, int snapshots, int rowsPerFile = 50_000)
    {
        var root = Path.Combine(Path.GetTempPath(), "insights-bench-warehouse-" + Guid.NewGuid().ToString("N"));
        try
        {
            output.WriteLine($"warehouse load into DuckDB ({comments:N0} comments, {snapshots:N0} snapshots, Parquet files of {rowsPerFile:N0} rows, local lake)");
            // The old layout goes first: the first load also pays for compiling the loader.
            var lakes = new[] { new Lake(root, "serializer (before)", columnar: false), new Lake(root, "columnar", columnar: true) };

            // Each dataset is written to both lakes, then loaded from both: a load takes every file not loaded yet.
            await LoadDatasetAsync(output, lakes, root, WarehouseSchema.Comments, "comments", comments, [.. CommentRows(comments)], rowsPerFile);
            await LoadDatasetAsync(output, lakes, root, WarehouseSchema.Snapshots, "video snapshots", snapshots, [.. SnapshotRows(snapshots)], rowsPerFile);
            foreach (var lake in lakes)
            {
                output.WriteLine($"  writing the lake's Parquet, {lake.Name}: {lake.WriteCpu.TotalMicroseconds / (comments + snapshots):F2} µs processor time per row "
                    + $"(encoding only) = {(comments + snapshots) / lake.WriteCpu.TotalSeconds:N0} rows per processor-second, {lake.Bytes / 1024.0 / 1024.0:N1} MB");
            }

            var (now, before) = (lakes[1], lakes[0]);
            var all = comments + snapshots;
            output.WriteLine($"  {"all rows/s",-29} {all / now.Load.Seconds,12:N0} = {now.Alone.Seconds / now.Load.Seconds:P0} of DuckDB alone ({all / now.Alone.Seconds:N0} rows/s)");
            output.WriteLine($"  {"  before (serializer files)",-29} {all / before.Load.Seconds,12:N0} = {before.Alone.Seconds / before.Load.Seconds:P0} of DuckDB alone ({all / before.Alone.Seconds:N0} rows/s)");
            output.WriteLine($"  processor time per row: load {now.Load.CpuMicrosPerRow(all):F2} µs (before {before.Load.CpuMicrosPerRow(all):F2}), DuckDB alone {now.Alone.CpuMicrosPerRow(all):F2} µs (before {before.Alone.CpuMicrosPerRow(all):F2})");
            report.Set("warehouse_rows_per_s", all / now.Load.Seconds);
            report.Set("warehouse_comment_rows_per_s", now.CommentLoadRate);
            report.Set("warehouse_snapshot_rows_per_s", now.SnapshotLoadRate);
            report.Set("warehouse_duckdb_alone_rows_per_s", all / now.Alone.Seconds);
            report.Set("warehouse_vs_duckdb_alone", now.Alone.Seconds / now.Load.Seconds);
            report.Set("warehouse_cpu_us_per_row", now.Load.CpuMicrosPerRow(all));
            report.Set("warehouse_duckdb_alone_cpu_us_per_row", now.Alone.CpuMicrosPerRow(all));
            report.Set("warehouse_serializer_files_rows_per_s", all / before.Load.Seconds);
            report.Set("warehouse_serializer_files_cpu_us_per_row", before.Load.CpuMicrosPerRow(all));
            output.WriteLine($"  DuckDB alone into {DuckDbWarehouseTarget.DefaultStorageVersion} storage {now.Alone.CpuMicrosPerRow(all):F2} µs per row, into v1.0.0 storage {now.AloneDefaultStorage.CpuMicrosPerRow(all):F2} µs");
            report.Set("warehouse_duckdb_alone_v1_0_storage_cpu_us_per_row", now.AloneDefaultStorage.CpuMicrosPerRow(all));
            report.Set("lake_parquet_rows_per_cpu_s", all / now.WriteCpu.TotalSeconds);
            report.Set("lake_parquet_serializer_rows_per_cpu_s", all / before.WriteCpu.TotalSeconds);

            var again = await now.Loader.LoadAsync();
            output.WriteLine($"  nothing new (manifest check)  {again.Duration.TotalMilliseconds,12:N0} ms for {again.FilesUnchanged} unchanged files");
            output.WriteLine($"  database file                 {new FileInfo(now.Database).Length / 1024.0 / 1024.0,12:N1} MB");
        }
        finally
        {
            try
            {
                Directory.Delete(root, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    /// <summary>Wall and processor time of some work (the process's: DuckDB's threads are native threads of it).</summary>
    private readonly record struct Timing(double Seconds, double CpuSeconds)
    {
        public static Timing operator +(Timing a, Timing b) => new(a.Seconds + b.Seconds, a.CpuSeconds + b.CpuSeconds);

        public double CpuMicrosPerRow(int rows) => CpuSeconds * 1e6 / rows;

        public static async Task<Timing> MeasureAsync(Func<Task> work)
        {
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var stopwatch = Stopwatch.StartNew();
            await work();
            return new Timing(stopwatch.Elapsed.TotalSeconds, (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds);
        }
    }

    /// <summary>A lake of one Parquet layout, its warehouse, and what was measured on it.</summary>
    private sealed class Lake
    {
        public Lake(string root, string name, bool columnar)
        {
            Name = name;
            Columnar = columnar;
            Processed = new LocalFolderLakeStore(Path.Combine(root, columnar ? "columnar" : "serializer")).Zone(LakeZone.Processed);
            Database = Path.Combine(root, "warehouse-" + (columnar ? "columnar" : "serializer"), "insights.duckdb");
            Loader = new WarehouseLoader(Processed, () => new DuckDbWarehouseTarget(Database, Processed));
        }

        public string Name { get; }

        public bool Columnar { get; }

        public IBlobStore Processed { get; }

        public string Database { get; }

        public WarehouseLoader Loader { get; }

        public TimeSpan WriteCpu { get; set; }

        public long Bytes { get; set; }

        public Timing Load { get; set; }

        public Timing Alone { get; set; }

        /// <summary>DuckDB alone into a file of DuckDB's default (v1.0) storage instead of the loader's.</summary>
        public Timing AloneDefaultStorage { get; set; }

        public double CommentLoadRate { get; set; }

        public double SnapshotLoadRate { get; set; }
    }

    private static async Task LoadDatasetAsync<TRow>(
        TextWriter output, Lake[] lakes, string root, WarehouseDataset dataset, string what, int count, List<(DateTime Hour, TRow Row)> rows, int rowsPerFile)
        where TRow : class, new()
    {
        await WriteAsync(lakes, dataset.Name, rows, rowsPerFile);

        foreach (var lake in lakes)
        {
            lake.Load += await TimedLoadAsync(output, lake, what, count);
            lake.Alone += await BaselineAsync(output, lake, root, dataset, count);
            if (lake.Columnar)
            {
                lake.AloneDefaultStorage += await BaselineAsync(output, lake, root, dataset, count, storageVersion: "v1.0.0");
            }
        }
    }

    /// <returns>The load's wall and processor time, from its start to the close of its session.</returns>
    private static async Task<Timing> TimedLoadAsync(TextWriter output, Lake lake, string what, int rows)
    {
        WarehouseLoadResult? load = null;
        var timing = await Timing.MeasureAsync(async () => load = await lake.Loader.LoadAsync());
        if (load!.RowsLoaded != rows || load.Failures.Count > 0)
        {
            throw new InvalidOperationException($"warehouse benchmark: {load.RowsLoaded} of {rows} {what} loaded, failures: {string.Join("; ", load.Failures)}");
        }

        var rate = rows / timing.Seconds;
        if (what == "comments")
        {
            lake.CommentLoadRate = rate;
        }
        else
        {
            lake.SnapshotLoadRate = rate;
        }

        output.WriteLine($"  {what + " rows/s",-29} {rate,12:N0} ({load.FilesLoaded} files in {timing.Seconds:F2} s, {timing.CpuMicrosPerRow(rows):F2} µs processor time per row; {lake.Name})");
        return timing;
    }

    /// <summary>DuckDB alone: the dataset's files into its table in a fresh database, one statement, no bookkeeping.</summary>
    private static async Task<Timing> BaselineAsync(
        TextWriter output, Lake lake, string root, WarehouseDataset dataset, int rows, string storageVersion = DuckDbWarehouseTarget.DefaultStorageVersion)
    {
        var prefix = Path.TrimEndingDirectorySeparator(Path.GetFullPath(((LocalFolderBlobStore)lake.Processed).Root)) + "/";
        var paths = new List<string>();
        await foreach (var file in lake.Processed.ListAsync(dataset.LakePrefix))
        {
            paths.Add(prefix + file.Path);
        }

        var database = Path.Combine(root, "baseline", Guid.NewGuid().ToString("N") + ".duckdb");
        Directory.CreateDirectory(Path.GetDirectoryName(database)!);
        var dialect = DuckDbDialect.Instance;
        var insert = dialect.InsertFromFiles(dataset.Table, paths, prefix, DateTime.UtcNow);
        long inserted = 0;
        var timing = await Timing.MeasureAsync(async () =>
        {
            // The loader's session: the same storage version, insertion order not kept.
            await using var connection = new DuckDBConnection(DuckDbWarehouseTarget.ConnectionString(database, storageVersion));
            await connection.OpenAsync();
            foreach (var sql in (string[])["SET preserve_insertion_order = false", .. dialect.CreateTableIfMissing(dataset.Table)])
            {
                await using var setup = connection.CreateCommand();
                setup.CommandText = sql;
                await setup.ExecuteNonQueryAsync();
            }

            await using var command = connection.CreateCommand();
            command.CommandText = insert;
            inserted = await command.ExecuteNonQueryAsync();
        });

        if (inserted != rows)
        {
            throw new InvalidOperationException($"warehouse benchmark baseline: {inserted} of {rows} rows inserted");
        }

        output.WriteLine($"  {(storageVersion == DuckDbWarehouseTarget.DefaultStorageVersion ? "  DuckDB alone, same files" : $"    same, {storageVersion} storage"),-29} {rows / timing.Seconds,12:N0} ({paths.Count} files in {timing.Seconds:F2} s, one statement, {timing.CpuMicrosPerRow(rows):F2} µs processor time per row)");
        return timing;
    }

    /// <summary>
    /// Writes the rows to every lake in its layout, file by file in turn (so both layouts meet the same heap and
    /// machine load), adding each lake's processor time spent encoding (not storing) to <see cref="Lake.WriteCpu"/>.
    /// </summary>
    private static async Task WriteAsync<TRow>(Lake[] lakes, string dataset, List<(DateTime Hour, TRow Row)> rows, int rowsPerFile)
        where TRow : class, new()
    {
        var format = new ParquetFormat<TRow>();
        var warmUp = rows.Take(1_000).Select(r => r.Row).ToArray();
        foreach (var lake in lakes)
        {
            await EncodeAsync(lake, format, warmUp);
        }

        var files = 0;
        foreach (var hour in rows.GroupBy(r => r.Hour))
        {
            foreach (var chunk in hour.Select(r => r.Row).Chunk(rowsPerFile))
            {
                foreach (var lake in lakes)
                {
                    var started = Process.GetCurrentProcess().TotalProcessorTime;
                    var content = await EncodeAsync(lake, format, chunk);
                    lake.WriteCpu += Process.GetCurrentProcess().TotalProcessorTime - started;
                    lake.Bytes += content.Length;
                    await lake.Processed.WriteAsync($"{dataset}/date={hour.Key:yyyy-MM-dd}/hour={hour.Key:HH}/part-{files:D6}.parquet", content);
                }

                files++;
            }
        }
    }

    private static async Task<ReadOnlyMemory<byte>> EncodeAsync<TRow>(Lake lake, ParquetFormat<TRow> format, TRow[] rows)
        where TRow : class, new() =>
        lake.Columnar ? await format.EncodeAsync(rows, default) : await SerializeAsync(rows);

    /// <summary>The lake's Parquet before the columnar layout: Parquet.Net's row serializer, INT96 timestamps, plain strings.</summary>
    private static async Task<ReadOnlyMemory<byte>> SerializeAsync<TRow>(TRow[] rows)
    {
        var output = new MemoryStream();
        await ParquetSerializer.SerializeAsync(rows, output);
        return output.GetBuffer().AsMemory(0, (int)output.Length);
    }

    private static readonly DateTime Start = new(2026, 11, 24, 0, 0, 0, DateTimeKind.Utc);

    private static readonly string[] Texts =
    [
        "this looks amazing 😍", "not my thing tbh", "ok", "the best recipe i have seen all week, saving it", "why is nobody talking about the music",
    ];

    private static readonly string[] Labels = ["positive", "negative", "neutral", "positive", "neutral"];

    /// <summary>Comments spread over 6 ingest hours and 1,000 videos, realistic widths.</summary>
    private static IEnumerable<(DateTime, CommentRow)> CommentRows(int count)
    {
        var random = new Random(7);
        for (var i = 0; i < count; i++)
        {
            var time = Start.AddSeconds(i * (6 * 3600.0 / count));
            var k = random.Next(Texts.Length);
            var positive = random.NextDouble();
            yield return (new DateTime(time.Ticks - time.Ticks % TimeSpan.TicksPerHour, DateTimeKind.Utc), new CommentRow
            {
                CommentId = (7_400_000_000_000_000_000L + i).ToString(System.Globalization.CultureInfo.InvariantCulture),
                VideoId = (7_300_000_000_000_000_000L + random.Next(1_000)).ToString(System.Globalization.CultureInfo.InvariantCulture),
                Username = "user" + random.Next(50_000),
                Text = Texts[k],
                LikeCount = random.Next(100),
                CreateTime = time.AddSeconds(-random.Next(60)),
                IngestedAt = time,
                SentimentLabel = Labels[k],
                SentimentScore = positive * 2 - 1,
                ProbabilityPositive = positive,
                ProbabilityNeutral = (1 - positive) / 2,
                ProbabilityNegative = (1 - positive) / 2,
                Analyzer = "lexicon/1",
            });
        }
    }

    private static IEnumerable<(DateTime, VideoSnapshotRow)> SnapshotRows(int count)
    {
        for (var i = 0; i < count; i++)
        {
            var time = Start.AddSeconds(i * (6 * 3600.0 / count));
            yield return (new DateTime(time.Ticks - time.Ticks % TimeSpan.TicksPerHour, DateTimeKind.Utc), new VideoSnapshotRow
            {
                VideoId = (7_300_000_000_000_000_000L + i % 1_000).ToString(System.Globalization.CultureInfo.InvariantCulture),
                SnapshotTime = time,
                Version = i / 1_000,
                Views = 1_000 + i,
                Likes = 100 + i / 10,
                Shares = i / 100,
                Comments = i / 50,
                EngagementRate = 0.1,
                LastEventTime = time,
            });
        }
    }
}
