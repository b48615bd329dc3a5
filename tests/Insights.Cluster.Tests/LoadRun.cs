namespace Insights.Cluster.Tests;

using System.Diagnostics;
using Insights.Generator;

/// <summary>
/// The generator pushing a live dataset through the API while a sampler records, once a second, how many events the
/// API has accepted and how many distinct comments the video grains have counted (as far as they answer).
/// </summary>
public sealed class LoadRun
{
    private readonly ClusterFixture _cluster;
    private readonly GeneratedDataset _dataset;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly List<Sample> _samples = [];
    private readonly CancellationTokenSource _stopSampling = new();
    private int _accepted;
    private Task<RunReport>? _run;
    private Task? _sampler;

    public LoadRun(ClusterFixture cluster, int seed)
    {
        _cluster = cluster;
        _dataset = DatasetGenerator.Generate(new GeneratorOptions
        {
            Seed = seed,
            Creators = 8,
            Videos = 60,
            Comments = Comments,
            // A quarter of the events are due at once (a backlog), the rest arrive live over about 45 seconds.
            Start = DateTimeOffset.UtcNow.AddSeconds(-15),
            Span = TimeSpan.FromSeconds(60),
            PublishFraction = 0.2,
            EngagementInterval = TimeSpan.FromSeconds(5),
            MaxDuplicateDelay = TimeSpan.FromSeconds(20),
        });
        VideoIds = _dataset.Truth.Videos.Select(v => v.VideoId).ToList();
    }

    /// <summary>
    /// Comments per run: with a quarter due at once and the rest over about 45 seconds, the API is driven at several
    /// thousand events a second, the rate the durable path must carry through a kill.
    /// </summary>
    public const int Comments = 150_000;

    public IReadOnlyList<string> VideoIds { get; }

    public TimeSpan Elapsed => _clock.Elapsed;

    /// <summary>Events the API has accepted so far, as the generator last reported.</summary>
    public int Accepted => Volatile.Read(ref _accepted);

    public int Total => _dataset.Events.Count;

    public void Start()
    {
        var sink = new HttpEventSink(_cluster.Client, new HttpEventSinkOptions { BatchSize = 5_000, Parallelism = 2 });
        var runner = new GeneratorRunner(sink, TimeProvider.System, new RunnerOptions { Live = true, MaxEventsPerSend = 5_000 });
        _run = Task.Run(() => runner.RunAsync(_dataset, p => Volatile.Write(ref _accepted, p.Accepted)));
        _sampler = Task.Run(SampleAsync);
    }

    public async Task<RunReport> CompleteAsync()
    {
        var report = await _run!;
        await _stopSampling.CancelAsync();
        await _sampler!;
        return report;
    }

    /// <summary>
    /// Events accepted per second and comments counted per second between two moments of the run, from the last
    /// sample at or before <paramref name="from"/> to the first at or after <paramref name="to"/>, so a phase shorter
    /// than the sampling period still gets a rate.
    /// </summary>
    public (double Accepted, double Counted) RatesBetween(TimeSpan from, TimeSpan to)
    {
        lock (_samples)
        {
            var first = _samples.LastOrDefault(s => s.At <= from) ?? _samples.FirstOrDefault();
            var last = _samples.FirstOrDefault(s => s.At >= to) ?? _samples.LastOrDefault();
            if (first is null || last is null || last.At <= first.At)
            {
                return (0, 0);
            }

            var seconds = (last.At - first.At).TotalSeconds;
            return ((last.Accepted - first.Accepted) / seconds, (last.Counted - first.Counted) / seconds);
        }
    }

    /// <summary>
    /// The highest rates held over any stretch of at least <paramref name="window"/> between two samples: events
    /// accepted and comments counted per second while the backlog drives the cluster as fast as it takes them.
    /// </summary>
    public (double Accepted, double Counted) HighestSustained(TimeSpan window)
    {
        lock (_samples)
        {
            double accepted = 0, counted = 0;
            for (var i = 0; i < _samples.Count; i++)
            {
                var j = _samples.FindIndex(i, s => s.At - _samples[i].At >= window);
                if (j < 0)
                {
                    break;
                }

                var seconds = (_samples[j].At - _samples[i].At).TotalSeconds;
                accepted = Math.Max(accepted, (_samples[j].Accepted - _samples[i].Accepted) / seconds);
                counted = Math.Max(counted, (_samples[j].Counted - _samples[i].Counted) / seconds);
            }

            return (accepted, counted);
        }
    }

    /// <summary>Events the API had accepted by <paramref name="at"/> (the last sample at or before it).</summary>
    public int AcceptedBy(TimeSpan at)
    {
        lock (_samples)
        {
            return _samples.LastOrDefault(s => s.At <= at)?.Accepted ?? 0;
        }
    }

    /// <summary>The first sample after <paramref name="after"/> at which the grains had counted at least <paramref name="comments"/>.</summary>
    public TimeSpan? CountedAtLeast(long comments, TimeSpan after)
    {
        lock (_samples)
        {
            return _samples.FirstOrDefault(s => s.At >= after && s.Counted >= comments)?.At;
        }
    }

    /// <summary>Every video answers, within a short time each (grains on a dead silo do not until it is declared dead).</summary>
    public async Task<bool> AllVideosAnswerAsync()
    {
        var answers = await Task.WhenAll(VideoIds.Select(async id =>
        {
            try
            {
                await _cluster.ClusterClient.GetGrain<IVideoGrain>(id).GetStats().WaitAsync(TimeSpan.FromSeconds(2));
                return true;
            }
            catch (Exception)
            {
                return false;
            }
        }));
        return answers.All(a => a);
    }

    private async Task SampleAsync()
    {
        while (!_stopSampling.IsCancellationRequested)
        {
            var counted = await CountCommentsAsync();
            lock (_samples)
            {
                _samples.Add(new Sample(_clock.Elapsed, Volatile.Read(ref _accepted), counted ?? (_samples.Count > 0 ? _samples[^1].Counted : 0)));
            }

            try
            {
                await Task.Delay(TimeSpan.FromMilliseconds(500), _stopSampling.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task<long?> CountCommentsAsync()
    {
        try
        {
            var stats = await Task.WhenAll(VideoIds.Select(id =>
                _cluster.ClusterClient.GetGrain<IVideoGrain>(id).GetStats().WaitAsync(TimeSpan.FromSeconds(2))));
            return stats.Sum(s => s?.Totals.Comments ?? 0);
        }
        catch (Exception)
        {
            return null; // some grain did not answer in time: keep the last figure
        }
    }

    private sealed record Sample(TimeSpan At, int Accepted, long Counted);
}
