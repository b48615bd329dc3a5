namespace Insights.Benchmarks.Memory;

using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Insights.Events;
using Insights.Silo.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Runtime;
using Orleans.Streams;

/// <summary>
/// Many video grains active on one in-process silo, wired like Silo/Program.cs but with memory grain storage (a
/// million state files would measure the disk, not the grains) and a flush interval longer than the run, so nothing is
/// written while the heap is measured. Each video gets a few comments and an engagement observation through its
/// stream, so every grain holds state, a stream subscription and a timer, as an active video does.
/// </summary>
internal sealed class ActivationRun : IAsyncDisposable
{
    private const int EventsPerVideo = 4;
    private IHost _silo = null!;

    public sealed record Result(int Videos, double ActivationSeconds, double EventSeconds, long BaselineHeap, long ActivatedHeap, long ActiveHeap, long Counted);

    private IClusterClient Client => _silo.Services.GetRequiredService<IClusterClient>();

    public async Task StartAsync()
    {
        var builder = Host.CreateApplicationBuilder();
        // Full memory queues are back-pressure the publisher waits out, but Orleans logs each refusal as an error.
        builder.Logging.SetMinimumLevel(LogLevel.Critical);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Insights:Cluster:SiloPort"] = FreePort().ToString(),
            ["Insights:Cluster:GatewayPort"] = FreePort().ToString(),
            ["Insights:Cluster:ClusterId"] = "bench-memory",
            ["Insights:Storage:Provider"] = "Memory",
            ["Insights:Video:FlushInterval"] = "01:00:00",
            ["Insights:Lake:Path"] = Path.Combine(Path.GetTempPath(), "insights-bench-memory-" + Guid.NewGuid().ToString("N")),
            ["Insights:Warehouse:LoadOnSchedule"] = "false",
            // A topic build mid-run would compete with what is measured.
            ["Insights:Topics:BuildOnSchedule"] = "false",
        });
        builder.AddInsightsSilo();
        _silo = builder.Build();
        await _silo.StartAsync();
    }

    public async Task<Result> RunAsync(int videos, TextWriter progress, CancellationToken cancellationToken)
    {
        var baseline = VideoStateParts.Heap();
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = 512, CancellationToken = cancellationToken };

        // Activation alone: a read of a video that has no state yet activates its grain.
        var watch = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, videos), parallel, async (i, _) => await Client.GetGrain<IVideoGrain>(VideoId(i)).GetStats());
        var activationSeconds = watch.Elapsed.TotalSeconds;
        progress.WriteLine($"  activated {videos:N0} video grains in {activationSeconds:F1} s");
        var activated = VideoStateParts.Heap();

        watch.Restart();
        var provider = Client.GetStreamProvider(StreamNames.Provider);
        var now = DateTimeOffset.UtcNow;
        await Parallel.ForEachAsync(Enumerable.Range(0, videos), parallel, async (i, _) =>
        {
            var video = VideoId(i);
            var stream = provider.GetStream<VideoStreamEvent>(StreamId.Create(StreamNames.VideoNamespace, video));
            await PublishAsync(stream, Events(video, now));
        });
        var counted = await WaitUntilCountedAsync(videos, parallel);
        var eventSeconds = watch.Elapsed.TotalSeconds;
        progress.WriteLine($"  {EventsPerVideo} events to each through its stream in {eventSeconds:F1} s");
        return new Result(videos, activationSeconds, eventSeconds, baseline, activated, VideoStateParts.Heap(), counted);
    }

    private static string VideoId(int i) => "m" + i.ToString("D7");

    private static VideoStreamEvent[] Events(string video, DateTimeOffset now) =>
    [
        new CommentPosted { VideoId = video, CommentId = video + "-1", Username = "ana", Text = "love this song", CreateTime = now.AddSeconds(-30), IngestedAt = now },
        new CommentPosted { VideoId = video, CommentId = video + "-2", Username = "bo", Text = "where is this #travel", CreateTime = now.AddSeconds(-20), IngestedAt = now },
        new CommentPosted { VideoId = video, CommentId = video + "-3", Username = "cy", Text = "meh", CreateTime = now.AddSeconds(-10), IngestedAt = now },
        new EngagementObserved { VideoId = video, ObservedAt = now, ViewCount = 1000, LikeCount = 50, ShareCount = 3, IngestedAt = now },
    ];

    private static async Task PublishAsync(IAsyncStream<VideoStreamEvent> stream, VideoStreamEvent[] events)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await stream.OnNextBatchAsync(events);
                return;
            }
            catch (Exception) when (attempt < 1000)
            {
                // Memory queues refuse events when full: back-pressure, so wait and try again.
                await Task.Delay(10);
            }
        }
    }

    private async Task<long> WaitUntilCountedAsync(int videos, ParallelOptions parallel)
    {
        long counted = 0;
        await Parallel.ForEachAsync(Enumerable.Range(0, videos), parallel, async (i, token) =>
        {
            var grain = Client.GetGrain<IVideoGrain>(VideoId(i));
            for (var wait = Stopwatch.StartNew(); wait.Elapsed < TimeSpan.FromMinutes(5); await Task.Delay(50, token))
            {
                if ((await grain.GetStats())?.Totals.Comments == EventsPerVideo - 1)
                {
                    Interlocked.Increment(ref counted);
                    return;
                }
            }
        });
        return counted;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        // Deactivating a million grains writes a million states to memory storage: bounded, so the run ends.
        using var stop = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        try
        {
            await _silo.StopAsync(stop.Token);
        }
        catch (OperationCanceledException)
        {
        }

        _silo.Dispose();
    }
}
