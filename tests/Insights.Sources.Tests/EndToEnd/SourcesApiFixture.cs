namespace Insights.Sources.Tests.EndToEnd;

using Insights.Silo.Hosting;
using Insights.Sources.Tests.Support;
using Insights.Testing;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

/// <summary>
/// The stub TikTok API and the settings of a real silo (the Silo project's wiring, on free loopback ports, grain state
/// in a folder) with the TikTok source enabled and pointed at the stub, and of the API in a WebApplicationFactory as
/// its client; modelled on Api.Tests' ApiFixture. Each test starts and stops the silo and API it needs.
/// </summary>
public sealed class SourcesApiFixture : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "insights-sources-e2e-" + Guid.NewGuid().ToString("N"));

    internal TikTokStub Stub { get; private set; } = null!;

    public Dictionary<string, string?> Settings { get; } = new();

    public string LakePath => Path.Combine(_folder, "lake");

    public const string Creator = "e2e_creator";

    /// <summary>The API runs in Development (the factory's default) with this as its Development key, as ./run-local.sh does.</summary>
    public const string ApiKey = "ins_sources-e2e-development-key";

    public async Task InitializeAsync()
    {
        Stub = await TikTokStub.StartAsync();
        Settings["Insights:Cluster:Provider"] = "Localhost";
        Settings["Insights:Cluster:ClusterId"] = "sources-tests-" + Guid.NewGuid().ToString("N")[..8];
        Settings["Insights:Cluster:SiloPort"] = LoopbackPorts.Free().ToString();
        Settings["Insights:Cluster:GatewayPort"] = LoopbackPorts.Free().ToString();
        Settings["Insights:Storage:Provider"] = "File";
        Settings["Insights:Storage:Path"] = Path.Combine(_folder, "state");
        Settings["Insights:Video:FlushInterval"] = "00:00:01";
        Settings["Insights:Lake:Provider"] = "Local";
        Settings["Insights:Lake:Path"] = LakePath;
        Settings["Insights:Lake:Writer:MaxFileAge"] = "00:00:01";
        Settings["Insights:Warehouse:LoadOnSchedule"] = "false";
        Settings["Insights:Dimensions:FlushInterval"] = "00:00:01";

        Settings["Insights:Auth:DevelopmentKey"] = ApiKey;
        Settings["Insights:Sources:TikTok:Enabled"] = "true";
        Settings["Insights:Sources:TikTok:BaseUrl"] = Stub.BaseUrl;
        Settings["Insights:Sources:TikTok:ClientKey"] = TikTokStub.ClientKey;
        Settings["Insights:Sources:TikTok:ClientSecret"] = TikTokStub.ClientSecret;
        Settings["Insights:Sources:TikTok:Usernames:0"] = Creator;
        Settings["Insights:Sources:TikTok:PollInterval"] = "00:00:01";
        Settings["Insights:Sources:TikTok:FailedPollRetryInterval"] = "00:00:00.500";
        Settings["Insights:Sources:TikTok:InitialBackoff"] = "00:00:00.050";
        Settings["Insights:Sources:TikTok:MaxBackoff"] = "00:00:00.200";
        Settings["Insights:Sources:TikTok:MaxDeliveryAttempts"] = "40";
        Settings["Insights:Sources:TikTok:DeliveryInitialBackoff"] = "00:00:00.100";
        Settings["Insights:Sources:TikTok:DeliveryMaxBackoff"] = "00:00:00.500";
        Settings["Insights:Sources:TikTok:RequestsPerMinute"] = "100000";
        Settings["Insights:Sources:TikTok:RequestsPerDay"] = "1000000";
    }

    /// <summary>Builds a silo (and with it the TikTok poller grain) with the settings and <paramref name="overrides"/>; the caller starts it.</summary>
    public IHost BuildSilo(IDictionary<string, string?>? overrides = null)
    {
        var silo = Host.CreateApplicationBuilder();
        silo.Configuration.AddInMemoryCollection(Settings).AddInMemoryCollection(overrides ?? new Dictionary<string, string?>());
        silo.AddInsightsSilo();
        return silo.Build();
    }

    /// <summary>Starts a silo; stop it (gracefully, as a rescheduled pod) and dispose it before starting another.</summary>
    public async Task<IHost> StartSiloAsync(IDictionary<string, string?>? overrides = null)
    {
        var silo = BuildSilo(overrides);
        await silo.StartAsync();
        return silo;
    }

    /// <summary>Starts an API on the cluster: a client only, it runs no source.</summary>
    public WebApplicationFactory<Program> StartApi(IDictionary<string, string?>? overrides = null)
    {
        var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            foreach (var (key, value) in Settings.Concat(overrides ?? new Dictionary<string, string?>()))
            {
                web.UseSetting(key, value);
            }
        });
        _ = factory.Server; // starts the host, and its hosted services
        return factory;
    }

    /// <summary>A client of <paramref name="api"/> that sends <see cref="ApiKey"/>.</summary>
    public static HttpClient CreateClient(WebApplicationFactory<Program> api)
    {
        var client = api.CreateClient();
        client.DefaultRequestHeaders.Add(Insights.Api.Security.ApiKeyCredentials.HeaderName, ApiKey);
        return client;
    }

    public async Task DisposeAsync()
    {
        await Stub.DisposeAsync();
        await TemporaryFolder.DeleteAsync(_folder);
    }
}
