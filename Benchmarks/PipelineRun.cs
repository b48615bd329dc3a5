namespace Insights.Benchmarks;

using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Insights.Events;
using Insights.Silo.Hosting;
using Insights.Wire;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Core.Internal;
using Orleans.Runtime;
using Orleans.Streams;

/// <summary>
/// The real pipeline in one process: a silo wired exactly like Silo/Program.cs (file grain storage, memory streams,
/// implicit subscriptions, the local analyzer), producers parsing the wire format and publishing per-video batches.
/// </summary>
public sealed class PipelineRun : IAsyncDisposable
{
    private readonly BenchmarkOptions _options;
    private readonly string _statePath = Path.Combine(Path.GetTempPath(), "insights-bench-" + Guid.NewGuid().ToString("N"));
    private IHost _silo = null!;

    public PipelineRun(BenchmarkOptions options) => _options = options;

    public sealed record Result(double Seconds, long Counted, IReadOnlyList<double> FreshnessMs);

    /// <summary>Deepest nesting the parser accepts, as the API's default <c>MaxJsonDepth</c> does; events need 3.</summary>
    public const int ParseDepth = 16;

    /// <summary>Concurrent freshness probes, each on its own video: enough for over a thousand probes in a run of seconds.</summary>
    public const int ProbeVideos = 20;

    private IClusterClient Client => _silo.Services.GetRequiredService<IClusterClient>();

    public async Task StartAsync()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Insights:Cluster:SiloPort"] = FreePort().ToString(),
            ["Insights:Cluster:GatewayPort"] = FreePort().ToString(),
            ["Insights:Cluster:ClusterId"] = "bench",
            ["Insights:Storage:Provider"] = "File",
            ["Insights:Storage:Path"] = _statePath,
            ["Insights:Lake:Path"] = Path.Combine(_statePath, "lake"),
            ["Insights:Warehouse:LoadOnSchedule"] = "false",
            // A topic build mid-run would compete with what is measured.
            ["Insights:Topics:BuildOnSchedule"] = "false",
        });
        builder.AddInsightsSilo();
        _silo = builder.Build();
        await _silo.StartAsync();
    }

    /// <summary>
    /// Pushes the workload through as fast as it goes, or paced at <paramref name="eventsPerSecond"/>, while
    /// <see cref="ProbeVideos"/> probes time single comments from publish to visible; the run ends when every video
    /// counted its comments. Each producer reads one of <paramref name="partitions"/> (the workload's batches split by
    /// video, as a hub's partition key splits them), so a video's events are published in order by one producer, as a
    /// partition reader or the ingest path publishes them.
    /// </summary>
    public async Task<Result> RunAsync(Workload workload, IReadOnlyList<IReadOnlyList<byte[]>> partitions, double? eventsPerSecond = null)
    {
        var provider = Client.GetStreamProvider(StreamNames.Provider);
        using var stopProbe = new CancellationTokenSource();
        var watch = Stopwatch.StartNew();
        var probes = Enumerable.Range(0, ProbeVideos).Select(p => Task.Run(() => ProbeFreshnessAsync(provider, $"bench-probe-{_runs}-{p}", stopProbe.Token))).ToArray();
        _runs++;

        var producers = partitions.Select(partition => Task.Run(async () =>
        {
            var producer = new Producer(provider, _options.PublishBatch);
            for (var i = 0; i < partition.Count; i++)
            {
                // Each partition carries about 1/n of the events, so each is paced at 1/n of the rate.
                if (eventsPerSecond is { } rate && TimeSpan.FromSeconds(i * (double)_options.RequestSize * partitions.Count / rate) - watch.Elapsed is { Ticks: > 0 } wait)
                {
                    await Task.Delay(wait);
                }

                await producer.AddAsync(partition[i]);
            }

            await producer.FlushAsync();
        })).ToArray();
        await Task.WhenAll(producers);
        var counted = await WaitUntilCountedAsync(workload);
        var seconds = watch.Elapsed.TotalSeconds;
        await stopProbe.CancelAsync();
        var freshness = (await Task.WhenAll(probes)).SelectMany(samples => samples).ToList();
        return new Result(seconds, counted, freshness);
    }

    /// <summary>Deactivates every grain, so a warm-up's activations neither serve nor weigh on the measured run.</summary>
    public Task DeactivateAllAsync() => Client.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);

    private int _runs;

    /// <summary>Buffers parsed events per video and publishes a batch per video, as a partition reader would.</summary>
    private sealed class Producer(IStreamProvider provider, int publishBatch)
    {
        private readonly WireBatchParser _parser = new(new IngestLimits(), TimeProvider.System);
        private readonly Dictionary<string, List<VideoStreamEvent>> _buffers = new(StringComparer.Ordinal);
        private readonly List<Task> _inFlight = [];

        public async Task AddAsync(byte[] batch)
        {
            foreach (var item in _parser.Parse(batch, DateTimeOffset.UtcNow, ParseDepth, int.MaxValue).Items)
            {
                if (item.Result.Event is not { } e)
                {
                    throw new InvalidOperationException("generated events are always valid");
                }

                if (!_buffers.TryGetValue(e.VideoId, out var buffer))
                {
                    _buffers[e.VideoId] = buffer = new List<VideoStreamEvent>(publishBatch);
                }

                buffer.Add(e);
                if (buffer.Count >= publishBatch)
                {
                    _inFlight.Add(PublishAsync(e.VideoId, buffer));
                    _buffers[e.VideoId] = new List<VideoStreamEvent>(publishBatch);
                }
            }

            if (_inFlight.Count >= 64)
            {
                await Task.WhenAll(_inFlight);
                _inFlight.Clear();
            }
        }

        public async Task FlushAsync()
        {
            foreach (var (video, buffer) in _buffers)
            {
                if (buffer.Count > 0)
                {
                    _inFlight.Add(PublishAsync(video, buffer));
                }
            }

            _buffers.Clear();
            await Task.WhenAll(_inFlight);
        }

        private async Task PublishAsync(string video, List<VideoStreamEvent> events)
        {
            var stream = provider.GetStream<VideoStreamEvent>(StreamId.Create(StreamNames.VideoNamespace, video));
            for (var attempt = 0; ; attempt++)
            {
                try
                {
                    await stream.OnNextBatchAsync(events);
                    return;
                }
                catch (Exception) when (attempt < 1000)
                {
                    // Memory queues refuse events when full: that is back-pressure, so wait and try again.
                    await Task.Delay(10);
                }
            }
        }
    }

    private async Task<long> WaitUntilCountedAsync(Workload workload)
    {
        var pending = new ConcurrentDictionary<string, long>(workload.CommentsPerVideo);
        long counted = 0;
        var deadline = Stopwatch.StartNew();
        while (!pending.IsEmpty && deadline.Elapsed < TimeSpan.FromMinutes(10))
        {
            await Parallel.ForEachAsync(pending.Keys.ToList(), new ParallelOptions { MaxDegreeOfParallelism = 64 }, async (video, _) =>
            {
                var stats = await Client.GetGrain<IVideoGrain>(video).GetStats();
                if (stats?.Totals.Comments == pending[video])
                {
                    pending.TryRemove(video, out var n);
                    Interlocked.Add(ref counted, n);
                }
            });
            if (!pending.IsEmpty)
            {
                // Every poll builds each pending video's full stats: polling hard would load the silo it measures.
                // The run's end is known to within this period.
                await Task.Delay(100);
            }
        }

        return counted;
    }

    /// <summary>
    /// While the load runs: publish one comment to a probe video and time from the publish until the grain's stats,
    /// what <c>GET /api/videos/{id}</c> answers, show it.
    /// </summary>
    private async Task<IReadOnlyList<double>> ProbeFreshnessAsync(IStreamProvider provider, string video, CancellationToken stop)
    {
        var stream = provider.GetStream<VideoStreamEvent>(StreamId.Create(StreamNames.VideoNamespace, video));
        var grain = Client.GetGrain<IVideoGrain>(video);
        var samples = new List<double>();
        for (var n = 1; !stop.IsCancellationRequested; n++)
        {
            var now = DateTimeOffset.UtcNow;
            var accepted = Stopwatch.StartNew();
            await stream.OnNextAsync(new CommentPosted { VideoId = video, CommentId = "probe-" + n, Text = "probe", CreateTime = now, IngestedAt = now });
            while ((await grain.GetStats())?.Totals.Comments is not { } counted || counted < n)
            {
                await Task.Delay(2);
            }

            samples.Add(accepted.Elapsed.TotalMilliseconds);
            try
            {
                await Task.Delay(5, stop);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        return samples;
    }

    /// <summary>
    /// Heap held per video: measured with every grain active, after the video grains alone are deactivated (what a video
    /// grain holds), then after every grain is (what the leaderboard and the other grains hold per video comes on top:
    /// the leaderboard keeps each video's latest summary).
    /// </summary>
    public async Task<(double BytesPerGrain, double BytesPerVideoAllGrains, double StateBytesPerVideo)> MeasureMemoryAsync(IReadOnlyCollection<string> videos)
    {
        await Task.Delay(TimeSpan.FromSeconds(6)); // let write-behind flush every video
        var active = Heap();
        await Parallel.ForEachAsync(videos, new ParallelOptions { MaxDegreeOfParallelism = 64 }, async (video, _) =>
            await Client.GetGrain<IVideoGrain>(video).AsReference<IGrainManagementExtension>().DeactivateOnIdle());
        await Task.Delay(TimeSpan.FromSeconds(2));
        var videosIdle = Heap();
        await Client.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
        await Task.Delay(TimeSpan.FromSeconds(2));
        var idle = Heap();
        // The video grain's own state, not its comment-id archive segments (video-ids-*), which live beside it.
        var files = Directory.EnumerateFiles(_statePath, "*.state", SearchOption.AllDirectories)
            .Where(f => !Path.GetFileName(f).Contains("video-ids-", StringComparison.Ordinal))
            .Select(f => new FileInfo(f).Length).ToList();
        return ((active - videosIdle) / (double)videos.Count, (active - idle) / (double)videos.Count, files.Count == 0 ? 0 : files.Average());
    }

    private static long Heap()
    {
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        return GC.GetTotalMemory(forceFullCollection: true);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        await _silo.StopAsync();
        _silo.Dispose();
        Directory.Delete(_statePath, recursive: true);
    }
}
