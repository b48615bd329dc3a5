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

/// <summary>
/// Rows per second the warehouse loader puts into DuckDB from processed-zone Parquet (local lake folder, files of
/// <c>Insights:Lake:Writer:MaxRowsPerFile</c> rows as the writers cut them), for comments and for video snapshots,
/// timed from the start of the load to the close of its session (DuckDB checkpoints then): units of files per
/// transaction (delete old rows, insert from <c>read_parquet</c>, manifest entries), so the figure includes the
/// bookkeeping that makes loads idempotent. The same-work baseline is DuckDB alone: the same files into the same
/// table of a fresh database with one <c>INSERT ... SELECT ... FROM read_parquet([all files])</c>, no manifest.
/// Then the cost of a load that finds nothing to do.
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
            var lake = new LocalFolderLakeStore(root);
            var processed = lake.Zone(LakeZone.Processed);
            var database = Path.Combine(root, "warehouse", "insights.duckdb");
            var loader = new WarehouseLoader(processed, () => new DuckDbWarehouseTarget(database, processed));
            output.WriteLine($"warehouse load into DuckDB ({comments:N0} comments, {snapshots:N0} snapshots, Parquet files of {rowsPerFile:N0} rows, local lake)");

            var files = await WriteAsync(processed, "comments", CommentRows(comments), rowsPerFile);
            var commentRate = await TimedLoadAsync(output, loader, "comments", comments, files);
            var commentBaseline = await BaselineAsync(output, processed, root, WarehouseSchema.Comments, comments);

            files = await WriteAsync(processed, "video_snapshots", SnapshotRows(snapshots), rowsPerFile);
            var snapshotRate = await TimedLoadAsync(output, loader, "video snapshots", snapshots, files);
            var snapshotBaseline = await BaselineAsync(output, processed, root, WarehouseSchema.Snapshots, snapshots);

            var rate = (comments + snapshots) / (comments / commentRate + snapshots / snapshotRate);
            var baseline = (comments + snapshots) / (comments / commentBaseline + snapshots / snapshotBaseline);
            output.WriteLine($"  {"all rows/s",-29} {rate,12:N0} = {rate / baseline:P0} of DuckDB alone ({baseline:N0} rows/s)");
            report.Set("warehouse_rows_per_s", rate);
            report.Set("warehouse_comment_rows_per_s", commentRate);
            report.Set("warehouse_snapshot_rows_per_s", snapshotRate);
            report.Set("warehouse_duckdb_alone_rows_per_s", baseline);
            report.Set("warehouse_vs_duckdb_alone", rate / baseline);

            var again = await loader.LoadAsync();
            output.WriteLine($"  nothing new (manifest check)  {again.Duration.TotalMilliseconds,12:N0} ms for {again.FilesUnchanged} unchanged files");
            output.WriteLine($"  database file                 {new FileInfo(database).Length / 1024.0 / 1024.0,12:N1} MB");
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

    /// <returns>Rows per second, from the start of the load to the close of its session.</returns>
    private static async Task<double> TimedLoadAsync(TextWriter output, WarehouseLoader loader, string what, int rows, int files)
    {
        var stopwatch = Stopwatch.StartNew();
        var load = await loader.LoadAsync();
        var elapsed = stopwatch.Elapsed;
        if (load.RowsLoaded != rows || load.Failures.Count > 0)
        {
            throw new InvalidOperationException($"warehouse benchmark: {load.RowsLoaded} of {rows} {what} loaded, failures: {string.Join("; ", load.Failures)}");
        }

        var rate = rows / elapsed.TotalSeconds;
        output.WriteLine($"  {what + " rows/s",-29} {rate,12:N0} ({files} files in {elapsed.TotalSeconds:F2} s)");
        return rate;
    }

    /// <summary>DuckDB alone: the dataset's files into its table in a fresh database, one statement, no bookkeeping.</summary>
    private static async Task<double> BaselineAsync(TextWriter output, IBlobStore processed, string root, WarehouseDataset dataset, int rows)
    {
        var prefix = Path.TrimEndingDirectorySeparator(Path.GetFullPath(((LocalFolderBlobStore)processed).Root)) + "/";
        var paths = new List<string>();
        await foreach (var file in processed.ListAsync(dataset.LakePrefix))
        {
            paths.Add(prefix + file.Path);
        }

        var database = Path.Combine(root, "baseline", Guid.NewGuid().ToString("N") + ".duckdb");
        Directory.CreateDirectory(Path.GetDirectoryName(database)!);
        var dialect = DuckDbDialect.Instance;
        var insert = dialect.InsertFromFiles(dataset.Table, paths, prefix, DateTime.UtcNow);
        var stopwatch = Stopwatch.StartNew();
        long inserted;
        await using (var connection = new DuckDBConnection($"Data Source={database}"))
        {
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
        }

        var elapsed = stopwatch.Elapsed;
        if (inserted != rows)
        {
            throw new InvalidOperationException($"warehouse benchmark baseline: {inserted} of {rows} rows inserted");
        }

        var rate = rows / elapsed.TotalSeconds;
        output.WriteLine($"  {"  DuckDB alone, same files",-29} {rate,12:N0} ({paths.Count} files in {elapsed.TotalSeconds:F2} s, one statement)");
        return rate;
    }

    private static async Task<int> WriteAsync<TRow>(IBlobStore store, string dataset, IEnumerable<(DateTime Hour, TRow Row)> rows, int rowsPerFile)
        where TRow : class, new()
    {
        var format = new ParquetFormat<TRow>();
        var files = 0;
        foreach (var hour in rows.GroupBy(r => r.Hour))
        {
            foreach (var chunk in hour.Select(r => r.Row).Chunk(rowsPerFile))
            {
                await store.WriteAsync($"{dataset}/date={hour.Key:yyyy-MM-dd}/hour={hour.Key:HH}/part-{files:D6}.parquet", await format.EncodeAsync(chunk, default));
                files++;
            }
        }

        return files;
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
