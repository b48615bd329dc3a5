namespace Insights.Benchmarks.Http;

using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Insights.Testing;

/// <summary>
/// A silo and an API as two processes on loopback, the embedded default otherwise (localhost clustering, memory
/// streams, file grain state and a local lake under a temporary folder), with one API key allowed to ingest and read.
/// </summary>
internal sealed class IngestCluster : IAsyncDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "insights-bench-http-" + Guid.NewGuid().ToString("N")[..8]);
    private HostProcess? _silo;
    private HostProcess? _api;

    /// <summary>A fresh key; the API is given only its hash, as in production.</summary>
    public string ApiKey { get; } = "ins_bench_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));

    public HostProcess Silo => _silo ?? throw new InvalidOperationException("not started");

    public HostProcess Api => _api ?? throw new InvalidOperationException("not started");

    public string LakePath => Path.Combine(_folder, "lake");

    public async Task StartAsync(IReadOnlyDictionary<string, string>? apiSettings = null)
    {
        Directory.CreateDirectory(_folder);
        var cluster = new Dictionary<string, string>
        {
            ["Insights:Cluster:Provider"] = "Localhost",
            ["Insights:Cluster:ClusterId"] = "bench-http-" + Guid.NewGuid().ToString("N")[..8],
            ["Insights:Streams:Provider"] = "Memory",
            ["Insights:Lake:Provider"] = "Local",
            ["Insights:Lake:Path"] = LakePath,
            ["Logging:LogLevel:Default"] = "Warning",
        };
        var siloPort = LoopbackPorts.Free();
        var gatewayPort = LoopbackPorts.Free();
        _silo = new HostProcess("Silo", "Insights.Silo", "Silo", "silo.log", new Dictionary<string, string>(cluster)
        {
            ["Insights:Cluster:SiloPort"] = siloPort.ToString(CultureInfo.InvariantCulture),
            ["Insights:Cluster:GatewayPort"] = gatewayPort.ToString(CultureInfo.InvariantCulture),
            ["Insights:Storage:Provider"] = "File",
            ["Insights:Storage:Path"] = Path.Combine(_folder, "state"),
            ["Insights:Warehouse:LoadOnSchedule"] = "false",
            // A topic build mid-run would compete with what is measured.
            ["Insights:Topics:BuildOnSchedule"] = "false",
            ["Insights:Warehouse:DuckDbPath"] = Path.Combine(_folder, "warehouse.duckdb"),
        }, _folder);
        await _silo.StartAsync(TimeSpan.FromMinutes(2));

        var api = new Dictionary<string, string>(cluster)
        {
            ["Insights:Cluster:GatewayPort"] = gatewayPort.ToString(CultureInfo.InvariantCulture),
            // The benchmark is one client: the per-client budgets would measure the rate limiter, not ingest.
            ["Insights:Api:RateLimits:Ingest:TokenLimit"] = "1000000",
            ["Insights:Api:RateLimits:Ingest:TokensPerPeriod"] = "1000000",
            ["Insights:Api:RateLimits:Read:TokenLimit"] = "1000000",
            ["Insights:Api:RateLimits:Read:TokensPerPeriod"] = "1000000",
            ["Insights:Auth:ApiKeys:0:Name"] = "benchmark",
            // SHA-256 of the key's UTF-8 bytes as hex, what Api/Security/ApiKeyHash computes.
            ["Insights:Auth:ApiKeys:0:Hash"] = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(ApiKey))),
            ["Insights:Auth:ApiKeys:0:Scopes:0"] = "ingest",
            ["Insights:Auth:ApiKeys:0:Scopes:1"] = "read",
        };
        foreach (var (key, value) in apiSettings ?? new Dictionary<string, string>())
        {
            api[key] = value;
        }

        _api = new HostProcess("Api", "Insights.Api", "Api", "api.log", api, _folder);
        await _api.StartAsync(TimeSpan.FromMinutes(2));
    }

    public ValueTask DisposeAsync()
    {
        _api?.Dispose();
        _silo?.Dispose();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by a dying process: the temporary folder is left behind.
        }

        return ValueTask.CompletedTask;
    }
}
