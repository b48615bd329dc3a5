namespace Insights.Sources.Tests.Cluster;

using Insights.Grains.Sources;
using Insights.Silo.Hosting;
using Insights.Sources.Tests.Support;
using Insights.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;

/// <summary>
/// Two silos, each starting the TikTok poller as production does, against the stub: one poller (one activation,
/// every request and every comment once) spending one budget, and a grain that resumes from its state on another
/// silo after the one that ran it stops, as when its pod is rescheduled.
/// </summary>
public sealed class OnePollerTests : IAsyncLifetime
{
    private const int RequestsPerDay = 10; // refills one request in 2.4 hours: what the budget shows is what was spent
    private static readonly RecordingSink Sink = new(); // the silos run in this process and share it
    private readonly string _state = Path.Combine(Path.GetTempPath(), "insights-poller-" + Guid.NewGuid().ToString("N"));
    private TikTokStub _stub = null!;
    private InProcessTestCluster _cluster = null!;

    public async Task InitializeAsync()
    {
        _stub = await TikTokStub.StartAsync();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Insights:Storage:Provider"] = "File",
            ["Insights:Storage:Path"] = _state,
            ["Insights:Sources:TikTok:Enabled"] = "true",
            ["Insights:Sources:TikTok:BaseUrl"] = _stub.BaseUrl,
            ["Insights:Sources:TikTok:ClientKey"] = TikTokStub.ClientKey,
            ["Insights:Sources:TikTok:ClientSecret"] = TikTokStub.ClientSecret,
            ["Insights:Sources:TikTok:Usernames:0"] = "chef_ana",
            ["Insights:Sources:TikTok:PollInterval"] = "01:00:00",
            ["Insights:Sources:TikTok:RequestsPerDay"] = RequestsPerDay.ToString(),
            ["Insights:Sources:TikTok:RequestsPerMinute"] = "1000",
        }).Build();

        var builder = new InProcessTestClusterBuilder(2);
        builder.ConfigureSilo((_, silo) => silo.AddInsightsStorage(configuration).AddInsightsTikTokPoller(configuration));
        builder.ConfigureSiloHost((_, host) => host.Services.AddKeyedSingleton<Insights.Delivery.IEventSink>("tiktok", Sink));
        _cluster = builder.Build();
    }

    [Fact]
    public async Task Two_silos_run_one_poller_with_one_budget_and_its_state_outlives_the_silo_that_ran_it()
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var video = _stub.AddVideo("chef_ana", now - 7200, 1);
        _stub.AddComments(video, 150, now - 3000); // two pages of comments

        await _cluster.DeployAsync(); // both silos ask the poller to start
        var poller = _cluster.Client.GetGrain<ITikTokPollerGrain>(ITikTokPollerGrain.GlobalKey);
        var first = await Eventually.Until(poller.GetStatus, s => s.Polls >= 1);
        Assert.True(first.Polls >= 1, "the poller did not complete a poll");

        // What one poller asks: the video query and two comment pages; each comment delivered once.
        Assert.Equal(3, _stub.ResearchRequests.Count);
        Assert.Equal(150, Sink.CommentIds.Count);
        Assert.Equal(150, Sink.CommentIds.Distinct().Count());
        Assert.Equal(RequestsPerDay - 3, Math.Floor(first.RequestsLeftToday));
        var management = _cluster.Client.GetGrain<IManagementGrain>(0);
        var activations = (await management.GetDetailedGrainStatistics())
            .Where(a => a.GrainType.Contains(nameof(TikTokPollerGrain), StringComparison.Ordinal)).ToList();
        Assert.Single(activations); // two silos started it; one activation in the cluster

        // The silo running the poller goes away; another silo starts, and with it the poller, from its grain state.
        var address = await management.GetActivationAddress(poller);
        await _cluster.StopSiloAsync(_cluster.Silos.Single(s => s.SiloAddress.Equals(address)));
        await _cluster.StartAdditionalSiloAsync();
        var resumed = await Eventually.Until(poller.GetStatus, s => s.Polls >= 1);
        Assert.True(resumed.Polls >= 1, "the resumed poller did not run");

        // Nothing is due within the poll interval, so nothing is asked again, and the day's budget stays spent.
        Assert.Equal(3, _stub.ResearchRequests.Count);
        Assert.Equal(150, Sink.CommentIds.Count);
        Assert.Equal(1, resumed.VideosTracked);
        Assert.Equal(RequestsPerDay - 3, Math.Floor(resumed.RequestsLeftToday));
        Assert.NotEqual(address, await management.GetActivationAddress(poller));
    }

    public async Task DisposeAsync()
    {
        await _cluster.DisposeAsync();
        await _stub.DisposeAsync();
        if (Directory.Exists(_state))
        {
            Directory.Delete(_state, recursive: true);
        }
    }
}
