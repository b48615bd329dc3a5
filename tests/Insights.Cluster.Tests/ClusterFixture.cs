namespace Insights.Cluster.Tests;

using Insights.Api.Security;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

/// <summary>
/// The cluster stack on loopback: Redis (membership and reminders), Azurite (durable stream queues, grain state,
/// lake), three silo processes and the API, in this process, as their Orleans client. Installs Redis and Azurite on
/// first use.
/// </summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    public const int SiloCount = 3;
    private static readonly TimeSpan SiloStartTimeout = TimeSpan.FromSeconds(120);
    private readonly RedisServer _redis = new();
    private readonly AzuriteServer _azurite = new();

    public List<SiloProcess> Silos { get; } = [];

    public WebApplicationFactory<Program> Api { get; private set; } = null!;

    public HttpClient Client { get; private set; } = null!;

    public IClusterClient ClusterClient => Api.Services.GetRequiredService<IClusterClient>();

    public string LogFolder { get; } = Path.Combine(RepoRoot.Path, ".local", "cluster-tests", DateTime.UtcNow.ToString("yyyyMMdd-HHmmss"));

    public Dictionary<string, string> Settings { get; } = new();

    /// <summary>The API key the generator sends (scopes ingest and read).</summary>
    public string ApiKey { get; } = "cluster-tests-" + Guid.NewGuid().ToString("N");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(LogFolder);
        await Task.WhenAll(_redis.StartAsync(), _azurite.InitializeAsync());

        Settings["Insights:Cluster:Provider"] = "Redis";
        Settings["Insights:Cluster:Redis:ConnectionString"] = _redis.ConnectionString;
        Settings["Insights:Cluster:ClusterId"] = "kill-test-" + Guid.NewGuid().ToString("N")[..8];
        Settings["Insights:Cluster:AdvertisedIPAddress"] = "127.0.0.1";
        // Declares a dead silo in seconds rather than Orleans' default of about half a minute; the mechanism is the same.
        Settings["Insights:Cluster:Membership:ProbeTimeout"] = "00:00:02";
        Settings["Insights:Cluster:Membership:NumMissedProbesLimit"] = "2";
        Settings["Insights:Storage:Provider"] = "AzureBlob";
        Settings["Insights:Storage:AzureBlob:ConnectionString"] = _azurite.ConnectionString;
        Settings["Insights:Streams:Provider"] = "AzureQueue";
        Settings["Insights:Streams:Queues"] = "8";
        Settings["Insights:Streams:AzureQueue:ConnectionString"] = _azurite.ConnectionString;
        Settings["Insights:Streams:AzureQueue:VisibilityTimeout"] = "00:00:10";
        Settings["Insights:Lake:Provider"] = "AzureBlob";
        Settings["Insights:Lake:AzureBlob:ConnectionString"] = _azurite.ConnectionString;
        Settings["Insights:Lake:Writer:MaxFileAge"] = "00:00:02";
        Settings["Insights:Video:FlushInterval"] = "00:00:02";
        Settings["Insights:Warehouse:LoadOnSchedule"] = "false";
        // A topic build of the processed zone mid-test would compete with the load the kill and restart tests time.
        Settings["Insights:Topics:BuildOnSchedule"] = "false";
        Settings["Insights:Warehouse:DuckDbPath"] = Path.Combine(LogFolder, "warehouse.duckdb");
        Settings["Logging:LogLevel:Default"] = "Warning";
        Settings["Logging:LogLevel:Orleans"] = "Warning";

        for (var i = 0; i < SiloCount; i++)
        {
            // The Orleans Dashboard on the first silo only: it is off unless asked for.
            var own = i == 0 ? new Dictionary<string, string> { ["Insights:OrleansDashboard:Enabled"] = "true" } : null;
            Silos.Add(new SiloProcess(i, Settings, LogFolder, own));
        }

        // One at a time: the first creates the membership table version the others join.
        foreach (var silo in Silos)
        {
            await silo.StartAsync(SiloStartTimeout);
        }

        var apiSettings = new Dictionary<string, string>(Settings)
        {
            ["Insights:Auth:ApiKeys:0:Name"] = "cluster-tests",
            ["Insights:Auth:ApiKeys:0:Hash"] = ApiKeyHash.ComputeHex(ApiKey),
            ["Insights:Auth:ApiKeys:0:Scopes:0"] = Scopes.Ingest,
            ["Insights:Auth:ApiKeys:0:Scopes:1"] = Scopes.Read,
        };
        Api = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            foreach (var (key, value) in apiSettings)
            {
                web.UseSetting(key, value);
            }
        });
        Client = Api.CreateClient();
        Client.DefaultRequestHeaders.Add("X-Api-Key", ApiKey);
    }

    public Task RestartAsync(SiloProcess silo) => silo.StartAsync(SiloStartTimeout);

    /// <summary>Starts any silo a previous test left stopped, so each test begins with the full cluster.</summary>
    public async Task EnsureAllRunningAsync()
    {
        foreach (var silo in Silos.Where(s => s.Pid is null))
        {
            await RestartAsync(silo);
        }
    }

    /// <summary>Silos the membership table lists as active, as the cluster itself sees them.</summary>
    public async Task<int> ActiveSilosAsync()
    {
        try
        {
            var hosts = await ClusterClient.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true).WaitAsync(TimeSpan.FromSeconds(5));
            return hosts.Count;
        }
        catch (Exception ex) when (ex is OrleansException or TimeoutException)
        {
            return -1; // the call went to the gateway that just died; asked again shortly
        }
    }

    public async Task DisposeAsync()
    {
        Client?.Dispose();
        if (Api is not null)
        {
            await Api.DisposeAsync();
        }

        foreach (var silo in Silos)
        {
            silo.Dispose();
        }

        await _redis.DisposeAsync();
        await _azurite.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<ClusterFixture>
{
    public const string Name = "cluster";
}
