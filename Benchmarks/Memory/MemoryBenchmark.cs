namespace Insights.Benchmarks.Memory;

using Insights.Benchmarks.Reporting;
using Insights.Grains.Domain;

/// <summary>
/// Memory of video grains: bytes per part of a video's state (plain aggregates, 1,000 comments per video by default),
/// then many video grains activated on one in-process silo, with the activation rate and the heap they hold.
/// </summary>
internal sealed class MemoryBenchmark : IBenchmarkSection
{
    public string Flag => "--memory";

    public async Task RunAsync(BenchmarkContext context)
    {
        var output = context.Output;
        var options = context.Options;
        var videos = Math.Min(options.Videos, 1_000);
        var workload = Workload.Create(options with { Videos = videos, Comments = videos * 1_000 });
        output.WriteLine($"memory: state parts over {workload.CommentsPerVideo.Count:N0} videos, {workload.DistinctComments / (double)workload.CommentsPerVideo.Count:N0} comments per video");
        // The defaults, and what halving the two sizes that trade heap for something else would save: fewer comment
        // ids in heap (more archive merges with write-through), fewer term counters (a looser bound on top counts).
        var defaults = new VideoOptions();
        var smaller = new VideoOptions { DedupCapacity = defaults.DedupCapacity / 2, TermCapacity = defaults.TermCapacity / 2 };
        var now = DateTimeOffset.UtcNow;
        var parts = await VideoStateParts.MeasureAsync(workload, now, defaults);
        var smallerParts = await VideoStateParts.MeasureAsync(workload, now, smaller);
        output.WriteLine($"  {"",-36} {"defaults",10} {$"{smaller.DedupCapacity} ids, {smaller.TermCapacity} terms",18}");
        foreach (var (part, small) in parts.Zip(smallerParts))
        {
            output.WriteLine($"  {part.Name,-36} {part.BytesPerVideo,8:N0} B {small.BytesPerVideo,16:N0} B");
        }

        output.WriteLine($"  {"total",-36} {parts.Sum(p => p.BytesPerVideo),8:N0} B {smallerParts.Sum(p => p.BytesPerVideo),16:N0} B");
        context.Report.Set("memory_state_bytes_per_video_1k_comments", parts.Sum(p => p.BytesPerVideo));
        context.Report.Set("memory_state_bytes_per_video_1k_comments_half_sizes", smallerParts.Sum(p => p.BytesPerVideo));
        workload = null;
        parts = null;
        smallerParts = null;

        await RunActivationsAsync(context);
    }

    private static async Task RunActivationsAsync(BenchmarkContext context)
    {
        var output = context.Output;
        var videos = context.Options.ActiveVideos;
        output.WriteLine($"memory: {videos:N0} active video grains on one silo ({Environment.ProcessorCount} cores, {GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1024.0 * 1024 * 1024):N1} GB available to the GC)");
        await using var run = new ActivationRun();
        await run.StartAsync();
        var result = await run.RunAsync(videos, output, context.CancellationToken);
        if (result.Counted != videos)
        {
            throw new InvalidOperationException($"only {result.Counted:N0} of {videos:N0} videos counted their comments");
        }

        var perGrain = (result.ActiveHeap - result.BaselineHeap) / (double)videos;
        output.WriteLine($"  activations/s                {videos / result.ActivationSeconds,12:N0}");
        output.WriteLine($"  total heap                   {result.ActiveHeap / (1024.0 * 1024),12:N0} MB (silo alone {result.BaselineHeap / (1024.0 * 1024):N0} MB)");
        output.WriteLine($"  heap per grain, activated    {(result.ActivatedHeap - result.BaselineHeap) / (double)videos / 1024,12:N2} KB (no state yet, no stream subscription)");
        output.WriteLine($"  heap per active video grain  {perGrain / 1024,12:N2} KB (3 comments and an engagement observation each, through its stream)");
        context.Report.Set("memory_active_videos", videos);
        context.Report.Set("memory_total_heap_bytes", result.ActiveHeap);
        context.Report.Set("memory_heap_bytes_per_activated_grain", (result.ActivatedHeap - result.BaselineHeap) / (double)videos);
        context.Report.Set("memory_activations_per_s", videos / result.ActivationSeconds);
        context.Report.Set(videos == 1_000_000 ? "memory_heap_bytes_per_grain_1m" : "memory_heap_bytes_per_grain", perGrain);
    }
}
