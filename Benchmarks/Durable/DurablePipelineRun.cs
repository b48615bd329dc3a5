namespace Insights.Benchmarks.Durable;

using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Insights.Events;
using Insights.Silo.Hosting;
using Insights.Stats;
using Insights.Streaming.Publishing;
using Insights.Wire;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Runtime;
using Orleans.Streams;

/// <summary>
/// One silo in this process wired by <c>AddInsightsSilo</c> from the settings given (the stream provider and grain
/// storage as a deployment sets them), fed by producers that parse the wire format and publish per-video batches the
/// way the ingest path does (<see cref="StreamBatchPublisher"/>), timed until every video's grain counted its comments.
/// The count is checked against the truth: a run that lost or double-counted a comment throws.
/// </summary>
public sealed class DurablePipelineRun : IAsyncDisposable
{
    private readonly BenchmarkOptions _options;
    private readonly IReadOnlyDictionary<string, string?> _settings;
    private readonly Action<IServiceCollection>? _replace;
    private readonly string _statePath = Path.Combine(Path.GetTempPath(), "insights-bench-durable-" + Guid.NewGuid().ToString("N"));
    private IHost? _silo;
    private volatile bool _stopping;

    /// <param name="settings">Configuration on top of the benchmark's (ports, lake folder, no warehouse load).</param>
    /// <param name="replace">Services registered after the silo's own, to stand in for what cannot run here.</param>
    public DurablePipelineRun(BenchmarkOptions options, IReadOnlyDictionary<string, string?> settings, Action<IServiceCollection>? replace = null)
    {
        _options = options;
        _settings = settings;
        _replace = replace;
    }

    /// <param name="Seconds">From the first publish until every video's grain counted all its comments.</param>
    /// <param name="Messages">Publish calls: a stream message each (more if a batch had to be halved).</param>
    public sealed record Result(double Seconds, long Counted, long Duplicates, long Messages);

    private IClusterClient Client => _silo!.Services.GetRequiredService<IClusterClient>();

    public async Task StartAsync()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        // Once measured, the silo stops with grains still reporting to the leaderboard it deactivated: noise, not news.
        builder.Logging.AddFilter((_, level) => level >= (_stopping ? LogLevel.Critical : LogLevel.Warning));
        var configuration = new Dictionary<string, string?>
        {
            ["Insights:Cluster:SiloPort"] = FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Insights:Cluster:GatewayPort"] = FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Insights:Cluster:ClusterId"] = "bench",
            ["Insights:Storage:Provider"] = "File",
            ["Insights:Storage:Path"] = _statePath,
            ["Insights:Lake:Path"] = Path.Combine(_statePath, "lake"),
            ["Insights:Warehouse:LoadOnSchedule"] = "false",
            // A topic build mid-run would compete with what is measured.
            ["Insights:Topics:BuildOnSchedule"] = "false",
        };
        foreach (var (key, value) in _settings)
        {
            configuration[key] = value;
        }

        builder.Configuration.AddInMemoryCollection(configuration);
        builder.AddInsightsSilo();
        _replace?.Invoke(builder.Services);
        _silo = builder.Build();
        await _silo.StartAsync();
    }

    /// <summary>
    /// Publishes every batch and waits until every video counted its comments. Each producer reads one of
    /// <paramref name="partitions"/> (the workload's batches split by video, <see cref="Workload.Partitioned"/>), so a
    /// video's events are published in order by one producer, as a hub partition reader or the ingest path publishes them.
    /// </summary>
    public async Task<Result> RunAsync(Workload workload, IReadOnlyList<IReadOnlyList<byte[]>> partitions)
    {
        ArgumentNullException.ThrowIfNull(partitions);
        var provider = Client.GetStreamProvider(StreamNames.Provider);
        var sent = new ConcurrentDictionary<string, long>(StringComparer.Ordinal);
        long messages = 0;
        var watch = Stopwatch.StartNew();
        var producers = partitions.Select(partition => Task.Run(async () =>
        {
            var producer = new Producer(provider, _options.PublishBatch, sent);
            foreach (var batch in partition)
            {
                await producer.AddAsync(batch);
            }

            await producer.FlushAsync();
            Interlocked.Add(ref messages, producer.Published);
        })).ToArray();
        await Task.WhenAll(producers);
        var (counted, duplicates) = await WaitUntilCountedAsync(workload, sent);
        return new Result(watch.Elapsed.TotalSeconds, counted, duplicates, messages);
    }

    /// <summary>Buffers parsed events per video and publishes a batch per video, as the ingest path does.</summary>
    private sealed class Producer(IStreamProvider provider, int publishBatch, ConcurrentDictionary<string, long> sent)
    {
        private readonly WireEventParser _parser = new(new IngestLimits(), TimeProvider.System);
        private readonly Dictionary<string, List<VideoStreamEvent>> _buffers = new(StringComparer.Ordinal);
        private readonly List<Task> _inFlight = [];

        public long Published { get; private set; }

        public async Task AddAsync(byte[] batch)
        {
            using (var doc = JsonDocument.Parse(batch))
            {
                var now = DateTimeOffset.UtcNow;
                foreach (var element in doc.RootElement.EnumerateArray())
                {
                    if (_parser.Parse(element, now).Event is not { } e)
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
            sent.AddOrUpdate(video, events.Count, (_, n) => n + events.Count);
            Published++;
            var stream = provider.GetStream<VideoStreamEvent>(StreamId.Create(StreamNames.VideoNamespace, video));
            for (var attempt = 0; ; attempt++)
            {
                try
                {
                    await StreamBatchPublisher.PublishAsync(stream, events);
                    return;
                }
                catch (Exception) when (attempt < 1000)
                {
                    // Memory queues refuse events when full: back-pressure, so wait and try again. A durable queue's
                    // failed send is sent again too: at-least-once, the grains count each comment once.
                    await Task.Delay(10);
                }
            }
        }
    }

    /// <summary>
    /// Until every video counted exactly its distinct comments and saw every event sent to it (counted or set aside as
    /// a duplicate). Throws if a video counted more than its truth, or if some never got there.
    /// </summary>
    private async Task<(long Counted, long Duplicates)> WaitUntilCountedAsync(Workload workload, ConcurrentDictionary<string, long> sent)
    {
        var pending = new ConcurrentDictionary<string, long>(workload.CommentsPerVideo);
        var over = new ConcurrentDictionary<string, long>();
        var last = new ConcurrentDictionary<string, long>();
        long counted = 0;
        long duplicates = 0;
        var deadline = Stopwatch.StartNew();
        while (!pending.IsEmpty && over.IsEmpty && deadline.Elapsed < TimeSpan.FromMinutes(3))
        {
            await Parallel.ForEachAsync(pending.Keys.ToList(), new ParallelOptions { MaxDegreeOfParallelism = 64 }, async (video, _) =>
            {
                VideoStats? stats;
                try
                {
                    stats = await Client.GetGrain<IVideoGrain>(video).GetStats();
                }
                catch (Exception ex) when (ex is TimeoutException or OperationCanceledException or OrleansException)
                {
                    return; // a busy silo: ask again next round, until the deadline
                }

                var comments = stats?.Totals.Comments ?? 0;
                var seen = comments + (stats?.Ingest.DuplicateComments ?? 0);
                last[video] = comments;
                if (comments > pending[video])
                {
                    over[video] = comments;
                }
                else if (comments == pending[video] && seen >= sent.GetValueOrDefault(video))
                {
                    pending.TryRemove(video, out var n);
                    Interlocked.Add(ref counted, n);
                    Interlocked.Add(ref duplicates, stats!.Ingest.DuplicateComments);
                }
            });
            if (!pending.IsEmpty)
            {
                await Task.Delay(20);
            }
        }

        if (!over.IsEmpty)
        {
            throw new InvalidOperationException(
                $"{over.Count} video(s) counted more comments than were sent, e.g. {over.First().Key}: {over.First().Value} for {workload.CommentsPerVideo[over.First().Key]}");
        }

        if (!pending.IsEmpty)
        {
            var missing = pending.Sum(p => p.Value - last.GetValueOrDefault(p.Key));
            throw new InvalidOperationException(
                $"{pending.Count} video(s) never counted all their comments: {missing:N0} of {workload.DistinctComments:N0} comments missing after {deadline.Elapsed.TotalSeconds:F0} s");
        }

        return (counted, duplicates);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (_silo is not null)
        {
            _stopping = true;
            await _silo.StopAsync();
            _silo.Dispose();
        }

        if (Directory.Exists(_statePath))
        {
            Directory.Delete(_statePath, recursive: true);
        }
    }
}
