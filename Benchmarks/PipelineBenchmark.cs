namespace Insights.Benchmarks;

using System.Diagnostics;
using System.Runtime.InteropServices;
using Azure.Storage.Blobs;
using Insights.Benchmarks.Reporting;
using Insights.Grains.Domain;
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

        var halfLoad = Workload.Create(options with { Seed = options.Seed + 1 });

        // The same work without Orleans: one thread, then one thread per core on input partitioned by video.
        var analyzer = new LearnedSentimentAnalyzer(); // the silo's default local analyzer, as in the pipeline
        var videoOptions = new VideoOptions();
        // Warm-up, long enough for the JIT's tiered compilation to reach its optimized code on every path.
        SameWorkLoop.Run([halfLoad.Batches.Take(400).ToList()], analyzer, videoOptions);
        var single = SameWorkLoop.Run(workload.Partitioned(1), analyzer, videoOptions);
        Check(single.Counted, workload.DistinctComments, "same-work loop, one thread");
        var limit = SameWorkLoop.Run(workload.Partitioned(Environment.ProcessorCount), analyzer, videoOptions);
        Check(limit.Counted, workload.DistinctComments, "same-work loop, a thread per core");

        // The pipeline's producers read the same comments split by video, one partition per producer.
        var partitions = workload.Partitioned(options.Producers);
        var halfLoadPartitions = halfLoad.Partitioned(options.Producers);
        // A warm-up of other videos, so the measured run times Orleans' paths after the JIT's tiered compilation
        // reached its optimized code (the same-work loops were warmed up the same way), not while it compiles.
        var warmUp = Workload.Create(options with { Seed = options.Seed + 2, Videos = 100, Comments = Math.Min(options.Comments, 30_000) });
        var warmUpPartitions = warmUp.Partitioned(options.Producers);
        workload.DropEvents();
        halfLoad.DropEvents();
        warmUp.DropEvents();
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);

        await using var pipeline = new PipelineRun(options);
        await pipeline.StartAsync();
        var warm = await pipeline.RunAsync(warmUp, warmUpPartitions);
        Check(warm.Counted, warmUp.DistinctComments, "pipeline warm-up");
        await pipeline.DeactivateAllAsync();
        var peak = await pipeline.RunAsync(workload, partitions);
        Check(peak.Counted, workload.DistinctComments, "pipeline");
        var pipelineRate = workload.Events / peak.Seconds;
        var half = await pipeline.RunAsync(halfLoad, halfLoadPartitions, eventsPerSecond: pipelineRate / 2);
        Check(half.Counted, halfLoad.DistinctComments, "pipeline at half load");
        var (bytesPerGrain, bytesPerVideoAllGrains, stateBytesPerVideo) = await pipeline.MeasureMemoryAsync(workload.CommentsPerVideo.Keys.Concat(halfLoad.CommentsPerVideo.Keys).ToList());

        var singleRate = workload.Events / single.Seconds;
        var limitRate = workload.Events / limit.Seconds;
        var work = single.Parse + single.Score + single.Fold;
        output.WriteLine();
        output.WriteLine("same-work loop (the same parser, analyzer and VideoAggregate per video in a dictionary; no Orleans)");
        output.WriteLine($"  one thread                   {singleRate,12:N0} comments/s");
        output.WriteLine($"  where the time goes          parse and claim {single.Parse / work:P0}, score {single.Score / work:P0}, fold into VideoAggregate {single.Fold / work:P0}");
        output.WriteLine($"  {limit.Threads} threads, by video          {limitRate,12:N0} comments/s  (this machine's limit for the work; {limitRate / singleRate:F2}x one thread)");
        output.WriteLine($"pipeline (parse -> memory streams, per-video batches of {options.PublishBatch} -> video grains with sentiment, {options.Producers} producers)");
        output.WriteLine($"  comments/s end to end        {pipelineRate,12:N0}");
        output.WriteLine($"  ratio to the same-work limit {pipelineRate / limitRate,12:F2}  (to one thread: {pipelineRate / singleRate:F2})");
        output.WriteLine($"freshness (published -> visible in the grain's stats, what GET /api/videos/{{id}} answers), {PipelineRun.ProbeVideos} probe videos");
        output.WriteLine($"  at peak ({pipelineRate,9:N0}/s)     p50 {Percentile(peak.FreshnessMs, 0.50),6:F1} ms, p99 {Percentile(peak.FreshnessMs, 0.99),6:F1} ms, max {peak.FreshnessMs.DefaultIfEmpty().Max(),6:F1} ms over {peak.FreshnessMs.Count:N0} probes");
        output.WriteLine($"  at half ({halfLoad.Events / half.Seconds,9:N0}/s)     p50 {Percentile(half.FreshnessMs, 0.50),6:F1} ms, p99 {Percentile(half.FreshnessMs, 0.99),6:F1} ms, max {half.FreshnessMs.DefaultIfEmpty().Max(),6:F1} ms over {half.FreshnessMs.Count:N0} probes");
        output.WriteLine("memory");
        output.WriteLine($"  heap per active video grain  {bytesPerGrain / 1024,12:N1} KB ({workload.DistinctComments / workload.CommentsPerVideo.Count:N0} comments per video on average)");
        output.WriteLine($"  heap per video, all grains   {bytesPerVideoAllGrains / 1024,12:N1} KB (the leaderboard's summary of each video and the other grains' share too)");
        output.WriteLine($"  persisted state per video    {stateBytesPerVideo / 1024,12:N1} KB");

        report.Set("pipeline_comments_per_s", pipelineRate);
        report.Set("same_work_loop_comments_per_s", limitRate);
        report.Set("same_work_loop_one_thread_comments_per_s", singleRate);
        report.Set("ratio_to_same_work_loop", pipelineRate / limitRate);
        report.Set("freshness_p50_ms_peak", Percentile(peak.FreshnessMs, 0.50));
        report.Set("freshness_p99_ms_peak", Percentile(peak.FreshnessMs, 0.99));
        report.Set("freshness_probes_peak", peak.FreshnessMs.Count);
        report.Set("freshness_p50_ms_half_load", Percentile(half.FreshnessMs, 0.50));
        report.Set("freshness_p99_ms_half_load", Percentile(half.FreshnessMs, 0.99));
        report.Set("freshness_probes_half_load", half.FreshnessMs.Count);
        report.Set("heap_bytes_per_grain", bytesPerGrain);
        report.Set("heap_bytes_per_video_all_grains", bytesPerVideoAllGrains);
        report.Set("state_bytes_per_video", stateBytesPerVideo);

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
