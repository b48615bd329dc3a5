namespace Insights.Dashboard.Tests;

using Insights.Api.Dashboard;
using Insights.Api.Hosting;
using Insights.Api.Security;
using Insights.Silo.Hosting;
using Insights.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

/// <summary>
/// A real silo (the Silo project's own wiring, on free loopback ports) and the API as a real Kestrel server on
/// 127.0.0.1 (a free port) in this process, so that a browser can reach it. The API is the production wiring plus
/// the dashboard module (mapping it is idempotent, so this keeps working once the API maps it itself). The API runs
/// in Production with one hashed key (scopes ingest and read) that <see cref="Client"/> sends.
/// </summary>
public sealed class DashboardFixture : IAsyncLifetime
{
    private readonly string _statePath = Path.Combine(Path.GetTempPath(), "insights-dashboard-" + Guid.NewGuid().ToString("N"));
    private IHost? _silo;
    private WebApplication? _api;

    public Dictionary<string, string?> Settings { get; } = new();

    public Uri BaseAddress { get; private set; } = null!;

    public HttpClient Client { get; private set; } = null!;

    /// <summary>The plain key; only its hash is in the API's configuration.</summary>
    public string ApiKey { get; } = ApiKeyHash.NewKey();

    public async Task InitializeAsync()
    {
        Settings["Insights:Cluster:Provider"] = "Localhost";
        Settings["Insights:Cluster:ClusterId"] = "dashboard-tests-" + Guid.NewGuid().ToString("N")[..8];
        Settings["Insights:Cluster:SiloPort"] = LoopbackPorts.Free().ToString();
        Settings["Insights:Cluster:GatewayPort"] = LoopbackPorts.Free().ToString();
        Settings["Insights:Storage:Provider"] = "Memory";
        Settings["Insights:Storage:Path"] = _statePath;
        Settings["Insights:Video:FlushInterval"] = "00:00:01";
        Settings["Insights:Lake:Provider"] = "Local";
        Settings["Insights:Lake:Path"] = Path.Combine(_statePath, "lake");
        Settings["Insights:Lake:Writer:MaxFileAge"] = "00:00:01";
        Settings["Insights:Dimensions:FlushInterval"] = "00:00:01";
        Settings["Insights:Warehouse:DuckDbPath"] = Path.Combine(_statePath, "warehouse", "insights.duckdb");
        Settings["Insights:Alerts:SentimentSwing:Delta"] = "30";
        Settings["Insights:Alerts:SentimentSwing:MinComments"] = "5";
        Settings["Urls"] = "http://127.0.0.1:0";
        var api = new Dictionary<string, string?>(Settings)
        {
            ["Insights:Auth:ApiKeys:0:Name"] = "dashboard-tests",
            ["Insights:Auth:ApiKeys:0:Hash"] = ApiKeyHash.ComputeHex(ApiKey),
            ["Insights:Auth:ApiKeys:0:Scopes:0"] = Scopes.Ingest,
            ["Insights:Auth:ApiKeys:0:Scopes:1"] = Scopes.Read,
        };

        var silo = Host.CreateApplicationBuilder();
        silo.Configuration.AddInMemoryCollection(Settings);
        silo.AddInsightsSilo();
        _silo = silo.Build();
        await _silo.StartAsync();

        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            ApplicationName = "Insights.Api",
            ContentRootPath = Path.Combine(RepoRoot.Path, "Api"),
            EnvironmentName = Environments.Production, // as deployed
        });
        builder.Configuration.AddInMemoryCollection(api);
        builder.AddInsightsApi();
        _api = builder.Build();
        _api.MapInsightsApi();
        _api.MapInsightsDashboard();
        _api.MapInsightsDashboard(); // a no-op: once MapInsightsApi maps it too, nothing is mapped twice
        await _api.StartAsync();

        var address = _api.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        BaseAddress = new Uri(address);
        Client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        Client.DefaultRequestHeaders.Add(ApiKeyCredentials.HeaderName, ApiKey);
    }

    public async Task DisposeAsync()
    {
        Client?.Dispose();
        if (_api is not null)
        {
            await _api.StopAsync();
            await _api.DisposeAsync();
        }

        if (_silo is not null)
        {
            await _silo.StopAsync();
            _silo.Dispose();
        }

        await TemporaryFolder.DeleteAsync(_statePath);
    }
}
