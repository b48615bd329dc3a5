namespace Insights.Benchmarks.Http;

using System.Diagnostics;
using System.Text.Json;
using Insights.Benchmarks.Reporting;

/// <summary>
/// HTTP ingest end to end: the API and a silo as separate processes on loopback (their Release builds), generated
/// comments as pre-serialized JSON batches over keep-alive connections, events accepted per second over the steady
/// part of the run, request latency, the processor time each process took, and at the end a check that the video
/// grains counted every distinct comment.
/// </summary>
internal sealed class HttpIngestBenchmark : IBenchmarkSection
{
    /// <summary>Enough for a steady stretch of several seconds at 100,000 events/s without making the run long.</summary>
    private const int MaxComments = 600_000;

    private const int Connections = 32;

    /// <summary>The steady stretch: between these shares of the events accepted (warm-up before, the tail after).</summary>
    private const double WindowStart = 0.15, WindowEnd = 0.90;

    public string Flag => "--http";

    public async Task RunAsync(BenchmarkContext context)
    {
        var output = context.Output;
        var options = context.Options with { Comments = Math.Min(context.Options.Comments, MaxComments) };
        var workload = Workload.Create(options);
        output.WriteLine($"HTTP ingest: {workload.Events:N0} comment events ({workload.DistinctComments:N0} distinct) over {workload.CommentsPerVideo.Count:N0} videos, " +
            $"batches of {options.RequestSize} over {Connections} keep-alive connections; API and silo as processes on loopback");

        var parsers = ParserComparison.Run(workload.Batches.Take(200).ToList(), rounds: 3);
        output.WriteLine($"  parsing alone, one thread     JsonDocument + per element {parsers.DocumentEventsPerCpuSecond,10:N0} events/cpu-s, " +
            $"single pass {parsers.SinglePassEventsPerCpuSecond,10:N0} events/cpu-s ({parsers.SinglePassEventsPerCpuSecond / parsers.DocumentEventsPerCpuSecond:F2}x)");
        context.Report.Set("http_parse_document_events_per_cpu_s", parsers.DocumentEventsPerCpuSecond);
        context.Report.Set("http_parse_single_pass_events_per_cpu_s", parsers.SinglePassEventsPerCpuSecond);

        await using var cluster = new IngestCluster();
        await cluster.StartAsync();
        var load = new IngestLoad(cluster.Api.BaseUrl, cluster.ApiKey, Connections);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(context.CancellationToken);
        var sampling = SampleAsync(load, cluster, stop.Token);
        var result = await load.RunAsync(workload.Batches, context.CancellationToken);
        await stop.CancelAsync();
        var points = await sampling;

        var window = Window(points, workload.Events);
        var seconds = Stopwatch.GetElapsedTime(window.From.At, window.To.At).TotalSeconds;
        var rate = (window.To.Accepted - window.From.Accepted) / seconds;
        var latencies = result.Samples.Where(s => s.CompletedAt >= window.From.At && s.CompletedAt <= window.To.At).Select(s => s.LatencyMs).ToList();
        var apiCores = (window.To.ApiCpu - window.From.ApiCpu).TotalSeconds / seconds;
        var siloCores = (window.To.SiloCpu - window.From.SiloCpu).TotalSeconds / seconds;
        var clientCores = (window.To.ClientCpu - window.From.ClientCpu).TotalSeconds / seconds;

        var counted = await CountedCommentsAsync(cluster, workload, context.CancellationToken);
        output.WriteLine($"  events/s accepted            {rate,12:N0}   (steady {seconds:F1} s, {WindowStart:P0}-{WindowEnd:P0} of the run; {result.Retries} batches sent again)");
        output.WriteLine($"  request latency              p50 {Percentile(latencies, 0.50):F1} ms, p99 {Percentile(latencies, 0.99):F1} ms ({latencies.Count} requests)");
        output.WriteLine($"  processor use (cores)        API {apiCores:F2}, silo {siloCores:F2}, load generator {clientCores:F2} of {Environment.ProcessorCount}");
        // Processor time per event is what bounds the rate once the cores are full, and a busy machine disturbs it
        // far less than the rate itself: 2 cores / (the three summed) is the rate this box could reach alone.
        var perEvent = (Api: apiCores / rate * 1e6, Silo: siloCores / rate * 1e6, Client: clientCores / rate * 1e6);
        var bound = Environment.ProcessorCount * 1e6 / (perEvent.Api + perEvent.Silo + perEvent.Client);
        output.WriteLine($"  processor time per event     API {perEvent.Api:F1} us, silo {perEvent.Silo:F1} us, load generator {perEvent.Client:F1} us " +
            $"=> {bound:N0} events/s if the {Environment.ProcessorCount} cores were theirs alone");
        output.WriteLine($"  machine load average         {LoadAverage()}");
        output.WriteLine($"  distinct comments counted    {counted,12:N0} of {workload.DistinctComments:N0}");
        if (counted != workload.DistinctComments)
        {
            throw new InvalidOperationException($"the grains counted {counted} comments, expected {workload.DistinctComments}");
        }

        context.Report.Set("http_ingest_events_per_s", rate);
        context.Report.Set("http_ingest_request_p50_ms", Percentile(latencies, 0.50));
        context.Report.Set("http_ingest_request_p99_ms", Percentile(latencies, 0.99));
        context.Report.Set("http_ingest_api_cpu_cores", apiCores);
        context.Report.Set("http_ingest_silo_cpu_cores", siloCores);
        context.Report.Set("http_ingest_api_cpu_us_per_event", perEvent.Api);
        context.Report.Set("http_ingest_silo_cpu_us_per_event", perEvent.Silo);
        context.Report.Set("http_ingest_client_cpu_us_per_event", perEvent.Client);
        context.Report.Set("http_ingest_cpu_bound_events_per_s", bound);
    }

    private readonly record struct Point(long At, long Accepted, TimeSpan ApiCpu, TimeSpan SiloCpu, TimeSpan ClientCpu);

    private static async Task<List<Point>> SampleAsync(IngestLoad load, IngestCluster cluster, CancellationToken stop)
    {
        var points = new List<Point>();
        using var self = Process.GetCurrentProcess();
        while (true)
        {
            self.Refresh();
            points.Add(new Point(Stopwatch.GetTimestamp(), load.Accepted, cluster.Api.CpuTime, cluster.Silo.CpuTime, self.TotalProcessorTime));
            try
            {
                await Task.Delay(200, stop);
            }
            catch (OperationCanceledException)
            {
                return points;
            }
        }
    }

    private static (Point From, Point To) Window(List<Point> points, long events)
    {
        var from = points.FirstOrDefault(p => p.Accepted >= WindowStart * events);
        var to = points.LastOrDefault(p => p.Accepted <= WindowEnd * events);
        if (from.At == 0 || to.At <= from.At)
        {
            // A run too short to sample a steady stretch: the whole of it.
            return (points[0], points[^1]);
        }

        return (from, to);
    }

    /// <summary>The comments the video grains counted, asked through <c>GET /api/videos/{id}</c> once they have all arrived (or a minute has passed).</summary>
    private static async Task<long> CountedCommentsAsync(IngestCluster cluster, Workload workload, CancellationToken cancellationToken)
    {
        using var client = new HttpClient { BaseAddress = new Uri(cluster.Api.BaseUrl), Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Add("X-Api-Key", cluster.ApiKey);
        var counted = new Dictionary<string, long>(StringComparer.Ordinal);
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(1);
        while (true)
        {
            var pending = workload.CommentsPerVideo.Where(v => counted.GetValueOrDefault(v.Key) != v.Value).Select(v => v.Key).ToList();
            if (pending.Count == 0 || DateTime.UtcNow > deadline)
            {
                return counted.Values.Sum();
            }

            await Parallel.ForEachAsync(pending, new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = cancellationToken }, async (video, ct) =>
            {
                using var response = await client.GetAsync($"/api/videos/{video}", ct);
                if (response.IsSuccessStatusCode)
                {
                    using var stats = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(ct), cancellationToken: ct);
                    var comments = stats.RootElement.GetProperty("totals").GetProperty("comments").GetInt64();
                    lock (counted)
                    {
                        counted[video] = comments;
                    }
                }
            });

            await Task.Delay(500, cancellationToken);
        }
    }

    /// <summary>The 1-minute load average, so a figure taken on a busy machine says so.</summary>
    private static string LoadAverage()
    {
        try
        {
            return File.ReadAllText("/proc/loadavg").Split(' ')[0];
        }
        catch (IOException)
        {
            return "unknown";
        }
    }

    private static double Percentile(List<double> samples, double p)
    {
        if (samples.Count == 0)
        {
            return 0;
        }

        samples.Sort();
        return samples[(int)Math.Min(samples.Count - 1, Math.Ceiling(p * samples.Count) - 1)];
    }
}
