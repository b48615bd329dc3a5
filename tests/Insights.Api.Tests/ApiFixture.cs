namespace Insights.Api.Tests;

using Insights.Api.Security;
using Insights.Silo.Hosting;
using Insights.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

/// <summary>
/// A real silo (the Silo project's own wiring, on free loopback ports) and the API in a WebApplicationFactory
/// connected to it as an Orleans client, exactly as in production but in one process. The API accepts
/// <see cref="IngestKey"/>, <see cref="ReadKey"/> and <see cref="Key"/> (both scopes), configured by their hashes;
/// <see cref="Client"/> sends <see cref="Key"/>.
/// </summary>
public class ApiFixture : IAsyncLifetime
{
    /// <summary>Scopes ingest and read.</summary>
    public const string Key = "ins_tests-both-scopes-0123456789";
    public const string ReadKey = "ins_tests-read-only-0123456789";
    public const string IngestKey = "ins_tests-ingest-only-0123456789";
    public const string AlertsKey = "ins_tests-alerts-only-0123456789";

    private readonly string _statePath = Path.Combine(Path.GetTempPath(), "insights-api-" + Guid.NewGuid().ToString("N"));
    private IHost? _silo;

    public Dictionary<string, string?> Settings { get; } = new();

    /// <summary>The API's credentials and generous rate limits (tests poll); kept out of the silo's settings.</summary>
    public static IReadOnlyDictionary<string, string?> AuthSettings { get; } = new Dictionary<string, string?>
    {
        ["Insights:Auth:ApiKeys:0:Name"] = "tests",
        ["Insights:Auth:ApiKeys:0:Hash"] = ApiKeyHash.ComputeHex(Key),
        ["Insights:Auth:ApiKeys:0:Scopes:0"] = Scopes.Ingest,
        ["Insights:Auth:ApiKeys:0:Scopes:1"] = Scopes.Read,
        ["Insights:Auth:ApiKeys:1:Name"] = "reader",
        ["Insights:Auth:ApiKeys:1:Hash"] = ApiKeyHash.ComputeHex(ReadKey),
        ["Insights:Auth:ApiKeys:1:Scopes:0"] = Scopes.Read,
        ["Insights:Auth:ApiKeys:2:Name"] = "producer",
        ["Insights:Auth:ApiKeys:2:Hash"] = ApiKeyHash.ComputeHex(IngestKey),
        ["Insights:Auth:ApiKeys:2:Scopes:0"] = Scopes.Ingest,
        ["Insights:Auth:ApiKeys:3:Name"] = "alerter",
        ["Insights:Auth:ApiKeys:3:Hash"] = ApiKeyHash.ComputeHex(AlertsKey),
        ["Insights:Auth:ApiKeys:3:Scopes:0"] = Scopes.Alerts,
        ["Insights:Api:RateLimits:Ingest:TokenLimit"] = "100000",
        ["Insights:Api:RateLimits:Ingest:TokensPerPeriod"] = "100000",
        ["Insights:Api:RateLimits:Read:TokenLimit"] = "100000",
        ["Insights:Api:RateLimits:Read:TokensPerPeriod"] = "100000",
    };

    public string LakePath => Path.Combine(_statePath, "lake");

    /// <summary>The folder of everything the fixture writes: grain state (its root), the lake and the warehouse file.</summary>
    public string StatePath => _statePath;

    /// <summary>The silo's services: its lake store, writers and grains, for tests that look behind the API.</summary>
    public IServiceProvider SiloServices => _silo!.Services;

    /// <summary>Lets a derived fixture change settings (another lake backend) before anything starts.</summary>
    protected virtual void ConfigureSettings(IDictionary<string, string?> settings)
    {
    }

    /// <summary>Services registered in both the silo and the API ahead of their own (a stand-in lake store, say).</summary>
    protected virtual void ConfigureServices(IServiceCollection services)
    {
    }

    public WebApplicationFactory<Program> Factory { get; private set; } = null!;

    public HttpClient Client { get; private set; } = null!;

    public virtual async Task InitializeAsync()
    {
        var clusterId = "api-tests-" + Guid.NewGuid().ToString("N")[..8];
        Settings["Insights:Cluster:Provider"] = "Localhost";
        Settings["Insights:Cluster:ClusterId"] = clusterId;
        Settings["Insights:Cluster:SiloPort"] = LoopbackPorts.Free().ToString();
        Settings["Insights:Cluster:GatewayPort"] = LoopbackPorts.Free().ToString();
        Settings["Insights:Storage:Provider"] = "File";
        Settings["Insights:Storage:Path"] = _statePath;
        Settings["Insights:Video:FlushInterval"] = "00:00:01";
        Settings["Insights:Lake:Provider"] = "Local";
        Settings["Insights:Lake:Path"] = LakePath;
        Settings["Insights:Lake:Writer:MaxFileAge"] = "00:00:01";
        Settings["Insights:Lake:Writer:TickInterval"] = "00:00:00.200";
        Settings["Insights:Dimensions:FlushInterval"] = "00:00:01";
        Settings["Insights:Warehouse:DuckDbPath"] = Path.Combine(_statePath, "warehouse.duckdb");
        ConfigureSettings(Settings);
        await StartAsync();
    }

    /// <summary>Stops the API and the silo gracefully (flushing what they buffer) and starts both again on the same folders.</summary>
    public async Task RestartAsync()
    {
        await StopAsync();
        await StartAsync();
    }

    private async Task StartAsync()
    {
        var silo = Host.CreateApplicationBuilder();
        silo.Configuration.AddInMemoryCollection(Settings);
        ConfigureServices(silo.Services);
        silo.AddInsightsSilo();
        _silo = silo.Build();
        await _silo.StartAsync();

        Factory = CreateApi();
        Client = CreateClient(Factory);
    }

    /// <summary>
    /// Another API instance on the same cluster, with some settings changed; <paramref name="withTestKeys"/> false
    /// leaves <see cref="AuthSettings"/> out; <paramref name="environment"/> replaces the factory's Development.
    /// </summary>
    public WebApplicationFactory<Program> CreateApi(
        IDictionary<string, string?>? overrides = null, bool withTestKeys = true, string? environment = null,
        Action<IWebHostBuilder>? configure = null) =>
        new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            foreach (var (key, value) in Settings.Concat(withTestKeys ? AuthSettings : new Dictionary<string, string?>()))
            {
                web.UseSetting(key, value);
            }

            foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
            {
                web.UseSetting(key, value);
            }

            if (environment is not null)
            {
                web.UseEnvironment(environment);
            }

            web.ConfigureTestServices(ConfigureServices);
            configure?.Invoke(web);
        });

    /// <summary>A client of <paramref name="api"/> sending <paramref name="key"/> (default: <see cref="Key"/>) in X-Api-Key.</summary>
    public static HttpClient CreateClient(WebApplicationFactory<Program> api, string? key = Key)
    {
        var client = api.CreateClient();
        if (key is not null)
        {
            client.DefaultRequestHeaders.Add(ApiKeyCredentials.HeaderName, key);
        }

        return client;
    }

    public virtual async Task DisposeAsync()
    {
        await StopAsync();
        await TemporaryFolder.DeleteAsync(_statePath);
    }

    private async Task StopAsync()
    {
        Client.Dispose();
        await Factory.DisposeAsync();
        if (_silo is not null)
        {
            await _silo.StopAsync();
            _silo.Dispose();
            _silo = null;
        }
    }
}

[CollectionDefinition(Name)]
public sealed class ApiCollection : ICollectionFixture<ApiFixture>
{
    public const string Name = "api";
}
