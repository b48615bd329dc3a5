namespace Insights.Benchmarks;

using System.Diagnostics;
using System.Runtime.InteropServices;
using Azure.Storage.Blobs;
using Insights.Benchmarks.Reporting;
using Insights.Lake;
using Insights.Lake.Azure;
using Insights.Lake.Local;
using Insights.Lake.Records;
using Insights.Lake.Writing;
using Insights.Sentiment;
using Insights.Testing;

/// <summary>
/// The default benchmark: generated comments through the real pipeline in one process and through a plain
/// single-threaded loop, freshness and memory under load, then the lake writers on a local folder and Azurite.
/// </summary>
internal sealed class PipelineBenchmark : IBenchmarkSection
{
    public string Flag => "--pipeline";

    public async Task RunAsync(BenchmarkContext context)
    {
        var options = context.Options;
        var report = context.Report;
        var output = context.Output;
#if DEBUG
        context.Output.WriteLine("warning: Debug build; run with -c Release for figures that mean anything");
#endif
        output.WriteLine($"Insights benchmark: {Environment.ProcessorCount} cores, {RuntimeInformation.FrameworkDescription}, {RuntimeInformation.OSDescription}");
        var generate = Stopwatch.StartNew();
        var workload = Workload.Create(options);
        output.WriteLine($"workload: {workload.Events:N0} comment events ({workload.DistinctComments:N0} distinct, the rest re-sent duplicates) " +
            $"over {workload.CommentsPerVideo.Count:N0} videos, JSON batches of {options.RequestSize}; generated in {generate.Elapsed.TotalSeconds:F1} s");

        var analyzer = new LexiconSentimentAnalyzer();
        PlainLoop.Run(workload.Batches.Take(20).ToList(), analyzer); // warm-up: JIT and lexicon
        var plain = PlainLoop.Run(workload.Batches, analyzer);
        Check(plain.Counted, workload.DistinctComments, "plain loop");

        await using var pipeline = new PipelineRun(options);
        await pipeline.StartAsync();
        var run = await pipeline.RunAsync(workload);
        Check(run.Counted, workload.DistinctComments, "pipeline");

        var plainRate = workload.Events / plain.Seconds;
        var pipelineRate = workload.Events / run.Seconds;
        var work = plain.ParseSeconds + plain.ScoreSeconds + plain.AggregateSeconds;
        output.WriteLine();
        output.WriteLine("plain single-threaded loop (parse JSON, score, aggregate in a dictionary)");
        output.WriteLine($"  comments/s                   {plainRate,12:N0}");
        output.WriteLine($"  where the time goes          parse {plain.ParseSeconds / work:P0}, score {plain.ScoreSeconds / work:P0}, aggregate {plain.AggregateSeconds / work:P0}");
        output.WriteLine($"  sentiment alone              {workload.DistinctComments / plain.ScoreSeconds,12:N0} comments/s on one core");
        output.WriteLine($"pipeline (parse -> memory streams, per-video batches of {options.PublishBatch} -> video grains with sentiment, {options.Producers} producers)");
        output.WriteLine($"  comments/s end to end        {pipelineRate,12:N0}");
        output.WriteLine($"  ratio pipeline / plain loop  {pipelineRate / plainRate,12:F2}");
        output.WriteLine($"freshness under load (accepted -> visible in GET), {run.FreshnessMs.Count} probes");
        output.WriteLine($"  p50 {Percentile(run.FreshnessMs, 0.50):F1} ms, p99 {Percentile(run.FreshnessMs, 0.99):F1} ms, max {run.FreshnessMs.DefaultIfEmpty().Max():F1} ms");
        output.WriteLine("memory");
        output.WriteLine($"  heap per active video grain  {run.BytesPerGrain / 1024,12:N1} KB ({workload.DistinctComments / workload.CommentsPerVideo.Count:N0} comments per video on average)");
        output.WriteLine($"  persisted state per video    {run.StateBytesPerVideo / 1024,12:N1} KB");

        report.Set("pipeline_comments_per_s", pipelineRate);
        report.Set("plain_loop_comments_per_s", plainRate);
        report.Set("freshness_p50_ms_peak", Percentile(run.FreshnessMs, 0.50));
        report.Set("freshness_p99_ms_peak", Percentile(run.FreshnessMs, 0.99));
        report.Set("heap_bytes_per_grain", run.BytesPerGrain);
        report.Set("state_bytes_per_video", run.StateBytesPerVideo);

        await RunLakeWritersAsync(output, workload, options);
    }

    private static async Task RunLakeWritersAsync(TextWriter output, Workload workload, BenchmarkOptions options)
    {
        var raw = LakeWriterBenchmark.RawRecords(workload, options.LakeRows);
        var comments = LakeWriterBenchmark.CommentRows(raw);
        var stores = new List<(string Name, IBlobStore Store, Action Cleanup)>();
        var folder = Path.Combine(Path.GetTempPath(), "insights-bench-lake-" + Guid.NewGuid().ToString("N"));
        stores.Add(("local folder", new LocalFolderBlobStore(folder), () => Directory.Delete(folder, recursive: true)));

        // Azurite, Microsoft's storage emulator (installed from npm on first use), stands in for Azure Blob Storage.
        var azurite = new AzuriteServer();
        try
        {
            await azurite.InitializeAsync();
            var container = new BlobContainerClient(azurite.ConnectionString, "bench");
            stores.Add(("Azurite", new AzureBlobStore(container), () => azurite.DisposeAsync().GetAwaiter().GetResult()));
        }
        catch (Exception ex)
        {
            output.WriteLine($"  (Azurite unavailable, skipped: {ex.Message.Split('\n')[0]})");
            await azurite.DisposeAsync();
        }

        output.WriteLine($"lake writers ({raw.Count:N0} rows each, files of up to {new LakeWriterOptions().MaxRowsPerFile:N0} rows)");
        foreach (var (name, store, cleanup) in stores)
        {
            foreach (var result in new[]
            {
                await LakeWriterBenchmark.RunAsync("raw jsonl.gz", name, store, new JsonLinesGzipFormat<RawEventRecord>(LakeJsonContext.Default.RawEventRecord), raw),
                await LakeWriterBenchmark.RunAsync("processed parquet", name, new PrefixedStore(store, "processed"), new ParquetFormat<CommentRow>(), comments),
            })
            {
                output.WriteLine($"  {result.Writer,-18} on {result.Store,-13} {result.RowsPerSecond,12:N0} events/s  ({result.Files} files, {result.Bytes / 1024.0 / 1024:N1} MB)");
            }

            cleanup();
        }
    }

    private static void Check(long counted, long expected, string what)
    {
        if (counted != expected)
        {
            throw new InvalidOperationException($"{what} counted {counted} comments, expected {expected}");
        }
    }

    private static double Percentile(IReadOnlyList<double> samples, double p)
    {
        if (samples.Count == 0)
        {
            return double.NaN;
        }

        var sorted = samples.Order().ToList();
        return sorted[(int)Math.Min(sorted.Count - 1, Math.Ceiling(p * sorted.Count) - 1)];
    }
}
