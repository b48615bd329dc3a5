namespace Insights.Grains.Tests.Cluster;

using Insights.ClusterHosting.Streams;
using Insights.Events;
using Insights.Lake.Hosting;
using Insights.Silo.Hosting;
using Insights.Testing;
using Microsoft.Extensions.Configuration;
using Orleans.Runtime;
using Orleans.TestingHost;

/// <summary>
/// A one-silo in-process cluster wired exactly like the real silo (storage, streams, grains, analyzer), with grain
/// state in a temporary folder so tests can restart the silo and find it again.
/// </summary>
public class SiloFixture : IAsyncLifetime
{
    private readonly IReadOnlyDictionary<string, string?> _extraSettings;

    public SiloFixture()
        : this(new Dictionary<string, string?>())
    {
    }

    /// <summary>For fixtures that need other settings (another analyzer, another backend).</summary>
    protected SiloFixture(IReadOnlyDictionary<string, string?> extraSettings) => _extraSettings = extraSettings;

    public string StatePath { get; } = Path.Combine(Path.GetTempPath(), "insights-grains-" + Guid.NewGuid().ToString("N"));

    public string LakePath => Path.Combine(StatePath, "lake");

    public InProcessTestCluster Cluster { get; private set; } = null!;

    public IClusterClient Client => Cluster.Client;

    private IConfiguration Configuration => new ConfigurationBuilder()
        .AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Insights:Storage:Provider"] = "File",
            ["Insights:Storage:Path"] = StatePath,
            ["Insights:Video:FlushInterval"] = "00:00:01",
            ["Insights:Leaderboard:FlushInterval"] = "00:00:01",
            ["Insights:Lake:Path"] = LakePath,
            ["Insights:Lake:Writer:MaxFileAge"] = "00:00:01",
            ["Insights:Dimensions:FlushInterval"] = "00:00:01",
        })
        .AddInMemoryCollection(_extraSettings)
        .Build();

    public Task InitializeAsync() => StartAsync();

    /// <summary>Stops every silo gracefully and starts a new cluster over the same state folder.</summary>
    public async Task RestartAsync()
    {
        await Cluster.StopAllSilosAsync();
        await Cluster.DisposeAsync();
        await StartAsync();
    }

    /// <summary>Kills the silo without a graceful stop (no deactivation, no flush) and starts a new cluster over the same state.</summary>
    public async Task CrashAndRestartAsync()
    {
        try
        {
            await Cluster.KillSiloAsync(Cluster.Silos[0]);
        }
        catch (OperationCanceledException)
        {
            // An ungraceful stop hands hosted services a cancelled token: the lake's flush gives up, as it should.
        }
        await Cluster.DisposeAsync();
        await StartAsync();
    }

    private async Task StartAsync()
    {
        var configuration = Configuration;
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSilo((_, silo) => ConfigureSilo(silo.AddInsightsStorage(configuration).AddInsightsStreams(configuration)));
        builder.ConfigureSiloHost((_, host) => host.Services
            .AddInsightsLake(configuration).AddInsightsLakeProcessingWriters()
            .AddInsightsGrains(configuration).AddInsightsSentiment(configuration));
        builder.ConfigureClient(client => ConfigureClient(client.AddInsightsStreams(configuration)));
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    /// <summary>For fixtures that replace part of the wiring (a stream provider's transport) after it is built.</summary>
    protected virtual void ConfigureSilo(ISiloBuilder silo)
    {
    }

    protected virtual void ConfigureClient(IClientBuilder client)
    {
    }

    public async Task DisposeAsync()
    {
        await Cluster.DisposeAsync();
        await TemporaryFolder.DeleteAsync(StatePath);
    }

    public Task Publish(string videoId, params VideoStreamEvent[] events) =>
        Client.GetStreamProvider(StreamNames.Provider)
            .GetStream<VideoStreamEvent>(StreamId.Create(StreamNames.VideoNamespace, videoId))
            .OnNextBatchAsync(events);

    /// <summary>Polls until the condition holds: streams deliver asynchronously.</summary>
    public static Task<T> Eventually<T>(Func<Task<T>> probe, Func<T, bool> done, TimeSpan? timeout = null) =>
        Insights.Testing.Eventually.Until(probe, done, timeout);
}
