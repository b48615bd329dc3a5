namespace Insights.Benchmarks.Durable;

using System.Diagnostics;
using Azure.Storage.Queues;
using Insights.Benchmarks.Reporting;
using Insights.Testing;

/// <summary>
/// The pipeline's work through the durable stream providers, each against memory streams on the same workload in the
/// same run: Azure Storage queues on Azurite, and Event Hubs with an in-process hub (<see cref="InProcessHubAdapterFactory"/>),
/// both with write-through grain state in Azure Blob on Azurite, as a deployment pairs them.
/// </summary>
internal sealed class DurableBenchmark : IBenchmarkSection
{
    /// <summary>Comments per run at most: three silos' worth of runs within minutes on two cores.</summary>
    public const int MaxComments = 200_000;

    private const int HubPartitions = 8; // infra/terraform's eventhub_partition_count

    public string Flag => "--durable";

    public async Task RunAsync(BenchmarkContext context)
    {
        var output = context.Output;
        var options = context.Options with { Comments = Math.Min(context.Options.Comments, MaxComments) };
        var workload = Workload.Create(options);
        var partitions = workload.Partitioned(options.Producers);
        output.WriteLine($"durable streams: {workload.Events:N0} comment events ({workload.DistinctComments:N0} distinct) over {workload.CommentsPerVideo.Count:N0} videos, " +
            $"per-video batches of {options.PublishBatch}, {options.Producers} producers; the same workload through each provider");

        var azurite = new AzuriteServer();
        await azurite.InitializeAsync();
        using var requests = new AzureRequestCounter(new Dictionary<int, string>
        {
            [azurite.BlobPort] = "blob",
            [azurite.QueuePort] = "queue",
            [azurite.TablePort] = "table",
        });
        try
        {
            await WarmUpAsync(options);
            var memory = await MeasureAsync(output, requests, "memory streams, file storage (write-behind)", options, workload, partitions, new Dictionary<string, string?>());
            var queues = await MeasureAsync(output, requests, "Azure queues on Azurite, Azure Blob storage (write-through)", options, workload, partitions, new Dictionary<string, string?>
            {
                ["Insights:Streams:Provider"] = "AzureQueue",
                ["Insights:Streams:AzureQueue:ConnectionString"] = azurite.ConnectionString,
                ["Insights:Storage:Provider"] = "AzureBlob",
                ["Insights:Storage:AzureBlob:ConnectionString"] = azurite.ConnectionString,
                ["Insights:Storage:AzureBlob:Container"] = "bench-queues",
            });
            await CheckQueuesDrainAsync(output, azurite.ConnectionString);

            var hub = new InProcessEventHub(HubPartitions);
            var eventHubs = await MeasureAsync(output, requests, $"Event Hubs (in-process hub, {HubPartitions} partitions, checkpoints on Azurite), Azure Blob storage (write-through)", options, workload, partitions,
                new Dictionary<string, string?>
                {
                    ["Insights:Streams:Provider"] = "EventHubs",
                    // Never dialled: the in-process hub stands in for the AMQP client.
                    ["Insights:Streams:EventHubs:ConnectionString"] = "Endpoint=sb://in-process.invalid/;SharedAccessKeyName=bench;SharedAccessKey=none",
                    ["Insights:Streams:EventHubs:Checkpoint:ConnectionString"] = azurite.ConnectionString,
                    ["Insights:Storage:Provider"] = "AzureBlob",
                    ["Insights:Storage:AzureBlob:ConnectionString"] = azurite.ConnectionString,
                    ["Insights:Storage:AzureBlob:Container"] = "bench-eventhubs",
                },
                services => InProcessHubAdapterFactory.Replace(services, hub));

            var memoryRate = workload.Events / memory.Seconds;
            var queueRate = workload.Events / queues.Seconds;
            var hubRate = workload.Events / eventHubs.Seconds;
            output.WriteLine($"  Azure queues / memory        {queueRate / memoryRate,12:F2}");
            output.WriteLine($"  Event Hubs / memory          {hubRate / memoryRate,12:F2}");
            context.Report.Set("durable_memory_comments_per_s", memoryRate);
            context.Report.Set("durable_comments_per_s", queueRate);
            context.Report.Set("durable_to_memory_ratio", queueRate / memoryRate);
            context.Report.Set("durable_eventhubs_comments_per_s", hubRate);
            context.Report.Set("durable_eventhubs_to_memory_ratio", hubRate / memoryRate);
            context.Report.Note("durable_comments_per_s", $"{workload.Events} comment events over {workload.CommentsPerVideo.Count} videos, the same workload as durable_memory_comments_per_s");
        }
        finally
        {
            await azurite.DisposeAsync();
        }
    }

    /// <summary>
    /// The process's first silo pays for the JIT: a memory-streams run of the same size on other videos first (not
    /// measured), so the memory figure the durable paths are divided by is not the only one measured cold. Measured on
    /// the quiet 2-core machine: cold 30,472 comments/s (64 ms of processor time per 1,000), after a warm-up of 20,000
    /// comments about the same, after this one 43,361 (45 ms).
    /// </summary>
    private static async Task WarmUpAsync(BenchmarkOptions options)
    {
        var warmUp = Workload.Create(options with { Seed = options.Seed + 2, Videos = 1_000, Comments = Math.Min(options.Comments, 200_000) });
        await using var run = new DurablePipelineRun(options, new Dictionary<string, string?>());
        await run.StartAsync();
        var result = await run.RunAsync(warmUp, warmUp.Partitioned(options.Producers));
        if (result.Counted != warmUp.DistinctComments)
        {
            throw new InvalidOperationException($"warm-up: counted {result.Counted} comments, expected {warmUp.DistinctComments}");
        }
    }

    private static async Task<DurablePipelineRun.Result> MeasureAsync(
        TextWriter output, AzureRequestCounter requests, string name, BenchmarkOptions options, Workload workload, IReadOnlyList<IReadOnlyList<byte[]>> partitions, Dictionary<string, string?> settings, Action<Microsoft.Extensions.DependencyInjection.IServiceCollection>? replace = null)
    {
        await using var run = new DurablePipelineRun(options, settings, replace);
        var start = Stopwatch.StartNew();
        await run.StartAsync();
        var started = start.Elapsed;
        requests.Take();
        var cpu = CpuMeter.Sample();
        var result = await run.RunAsync(workload, partitions);
        var used = CpuMeter.Since(cpu);
        var sent = requests.Take();
        if (result.Counted != workload.DistinctComments)
        {
            throw new InvalidOperationException($"{name}: counted {result.Counted} comments, expected {workload.DistinctComments}");
        }

        output.WriteLine(name);
        output.WriteLine($"  comments/s end to end        {workload.Events / result.Seconds,12:N0}   ({result.Seconds:F1} s; silo started in {started.TotalSeconds:F1} s)");
        output.WriteLine($"  stream messages              {result.Messages,12:N0}   ({workload.Events / (double)result.Messages:F1} events each)");
        output.WriteLine($"  counted                      {result.Counted,12:N0}   (= the truth; {result.Duplicates:N0} re-sent duplicates set aside)");
        var cpu1k = used.Values.Sum(u => u.TotalMilliseconds) / (workload.Events / 1000.0);
        output.WriteLine($"  processor time               {string.Join(", ", used.Where(u => u.Value > TimeSpan.Zero).Select(u => $"{u.Key} {u.Value.TotalSeconds:F1} s"))}; {cpu1k:F0} ms per 1,000 comments");
        if (sent.Count > 0)
        {
            output.WriteLine($"  storage requests per message {string.Join(", ", sent.Select(r => $"{r.Key} {r.Value / (double)result.Messages:F2}"))}");
        }
        return result;
    }

    /// <summary>Every message delivered is deleted from its queue (the acknowledgement): the queues end empty.</summary>
    private static async Task CheckQueuesDrainAsync(TextWriter output, string connectionString)
    {
        var service = new QueueServiceClient(connectionString);
        var watch = Stopwatch.StartNew();
        long left;
        do
        {
            left = 0;
            await foreach (var queue in service.GetQueuesAsync())
            {
                left += (await service.GetQueueClient(queue.Name).GetPropertiesAsync()).Value.ApproximateMessagesCount;
            }

            if (left > 0)
            {
                await Task.Delay(100);
            }
        }
        while (left > 0 && watch.Elapsed < TimeSpan.FromSeconds(30));
        output.WriteLine(left == 0
            ? $"  queues empty (every message deleted) {watch.Elapsed.TotalSeconds:F1} s after the last count"
            : $"  warning: {left} message(s) still queued 30 s after the last count");
    }
}
