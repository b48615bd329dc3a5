namespace Insights.Sources.Tests.Support;

using Insights.Sources.RateLimiting;
using Insights.Sources.TikTok;
using Insights.Testing;

/// <summary>A stub TikTok API, a recording sink, metrics, logs and a state store of its own, for one test.</summary>
internal sealed class SourceHarness : IAsyncDisposable
{
    private readonly List<IDisposable> _owned = [];

    private SourceHarness(TikTokStub stub, TimeProvider clock)
    {
        Stub = stub;
        Clock = clock;
    }

    public TikTokStub Stub { get; }

    public TimeProvider Clock { get; }

    public ManualTimeProvider ManualClock => (ManualTimeProvider)Clock;

    public RecordingSink Sink { get; } = new();

    public MetricsRecorder Metrics { get; } = new();

    public LogRecorder Logs { get; } = new();

    /// <summary>Shared by every source of this harness: a new source over it is a restarted one.</summary>
    public MemoryStateStore State { get; } = new();

    public long Now => Clock.GetUtcNow().ToUnixTimeSeconds();

    public static async Task<SourceHarness> StartAsync(TimeProvider? clock = null) =>
        new(await TikTokStub.StartAsync(), clock ?? TimeProvider.System);

    /// <summary>Options pointing at the stub, one creator, fast backoffs and a budget that never binds.</summary>
    public TikTokSourceOptions Options(Action<TikTokSourceOptions>? configure = null)
    {
        var options = new TikTokSourceOptions
        {
            Enabled = true,
            BaseUrl = Stub.BaseUrl,
            ClientKey = TikTokStub.ClientKey,
            ClientSecret = TikTokStub.ClientSecret,
            Usernames = ["chef_ana"],
            PollInterval = TimeSpan.FromHours(1),
            FailedPollRetryInterval = TimeSpan.FromMinutes(1),
            MaxAttempts = 3,
            InitialBackoff = TimeSpan.FromMilliseconds(5),
            MaxBackoff = TimeSpan.FromMilliseconds(20),
            MaxDeliveryAttempts = 4,
            DeliveryInitialBackoff = TimeSpan.FromMilliseconds(5),
            DeliveryMaxBackoff = TimeSpan.FromMilliseconds(20),
            RequestsPerMinute = 100_000,
            RequestsPerDay = 1_000_000,
            RequestTimeout = TimeSpan.FromSeconds(10),
        };
        configure?.Invoke(options);
        return options;
    }

    public TikTokSource NewSource(Action<TikTokSourceOptions>? configure = null)
    {
        var options = Options(configure);
        var http = new HttpClient { Timeout = options.RequestTimeout };
        _owned.Add(http);
        var source = new TikTokSource(options, Sink, State, Metrics.Metrics, Clock, Logs, http);
        _owned.Add(source);
        return source;
    }

    public TikTokResearchClient NewClient(Action<TikTokSourceOptions>? configure = null)
    {
        var options = Options(configure);
        var http = new HttpClient { Timeout = options.RequestTimeout };
        _owned.Add(http);
        var budget = new RequestBudget(options.RequestsPerMinute, options.RequestsPerDay, Clock);
        return new TikTokResearchClient(http, options, budget, Metrics.Metrics, Clock, Logs.CreateLogger("client"));
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var owned in _owned)
        {
            owned.Dispose();
        }

        Metrics.Dispose();
        await Stub.DisposeAsync();
    }
}
