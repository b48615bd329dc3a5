namespace Insights.Cluster.Tests;

using System.Collections.Concurrent;
using System.IO.Compression;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Insights.Api.Security;
using Xunit.Abstractions;

/// <summary>
/// Nothing the API acknowledged is lost from the lake: the API as a process of its own, under load from several
/// producers, is killed with SIGKILL (no shutdown, no flush), and every event it had answered <c>accepted</c> is in the
/// raw zone, none twice. The raw writer's <c>MaxFileAge</c> is set far beyond the run, so only the ingest path's
/// "acknowledge once landed" can put them there before the kill.
/// </summary>
public sealed class ApiKillTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Producers = 4;
    private const int EventsPerBatch = 200;
    private const int AcceptedBeforeKill = 6_000;
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(120);
    private readonly string _folder = Path.Combine(RepoRoot.Path, ".local", "api-kill-tests", DateTime.UtcNow.ToString("yyyyMMdd-HHmmss") + "-" + Guid.NewGuid().ToString("N")[..6]);
    private readonly string _apiKey = "api-kill-tests-" + Guid.NewGuid().ToString("N");
    private SiloProcess _silo = null!;
    private HostProcess _api = null!;

    private string LakePath => Path.Combine(_folder, "lake");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        var cluster = new Dictionary<string, string>
        {
            ["Insights:Cluster:Provider"] = "Localhost",
            ["Insights:Cluster:ClusterId"] = "api-kill-" + Guid.NewGuid().ToString("N")[..8],
            ["Insights:Streams:Provider"] = "Memory",
            ["Insights:Lake:Provider"] = "Local",
            ["Insights:Lake:Path"] = LakePath,
            ["Logging:LogLevel:Default"] = "Warning",
        };
        _silo = new SiloProcess(0, cluster, _folder, new Dictionary<string, string>
        {
            ["Insights:Storage:Provider"] = "File",
            ["Insights:Storage:Path"] = Path.Combine(_folder, "state"),
            ["Insights:Warehouse:LoadOnSchedule"] = "false",
            // A topic build mid-run would compete with what is measured.
            ["Insights:Topics:BuildOnSchedule"] = "false",
            ["Insights:Warehouse:DuckDbPath"] = Path.Combine(_folder, "warehouse.duckdb"),
        });
        await _silo.StartAsync(StartTimeout);

        _api = new HostProcess("Api", "Insights.Api", "API", "api.log", new Dictionary<string, string>(cluster)
        {
            ["Insights:Cluster:GatewayPort"] = _silo.GatewayPort.ToString(),
            // Far beyond the run: a raw file cut by age would land events whether or not ingest waits for them.
            ["Insights:Lake:Writer:MaxFileAge"] = "01:00:00",
            ["Insights:Api:RateLimits:Ingest:TokenLimit"] = "100000",
            ["Insights:Api:RateLimits:Ingest:TokensPerPeriod"] = "100000",
            ["Insights:Auth:ApiKeys:0:Name"] = "api-kill-tests",
            ["Insights:Auth:ApiKeys:0:Hash"] = ApiKeyHash.ComputeHex(_apiKey),
            ["Insights:Auth:ApiKeys:0:Scopes:0"] = Scopes.Ingest,
        }, _folder);
        await _api.StartAsync(StartTimeout);
    }

    [Fact]
    public async Task Every_event_accepted_before_a_kill_9_of_the_api_is_in_the_raw_zone_once()
    {
        using var http = new HttpClient { BaseAddress = new Uri(_api.BaseUrl), Timeout = TimeSpan.FromSeconds(30) };
        http.DefaultRequestHeaders.Add(ApiKeyCredentials.HeaderName, _apiKey);
        var accepted = new ConcurrentBag<string>();
        var sent = 0;
        using var stop = new CancellationTokenSource();
        var producers = Enumerable.Range(0, Producers).Select(p => Task.Run(async () =>
        {
            for (var batch = 0; !stop.IsCancellationRequested; batch++)
            {
                var ids = Enumerable.Range(0, EventsPerBatch).Select(i => $"c-{p}-{batch}-{i}").ToList();
                Interlocked.Add(ref sent, ids.Count);
                try
                {
                    using var response = await http.PostAsync("/api/events", Body(ids, $"v{p}{batch % 20}"), stop.Token);
                    if (!response.IsSuccessStatusCode)
                    {
                        continue; // refused as a whole (429, 503): nothing acknowledged
                    }

                    var answer = await response.Content.ReadFromJsonAsync<JsonElement>(stop.Token);
                    foreach (var item in answer.GetProperty("items").EnumerateArray().Where(i => i.GetProperty("status").GetString() == "accepted"))
                    {
                        accepted.Add(ids[item.GetProperty("index").GetInt32()]);
                    }
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or JsonException or IOException)
                {
                    // The API died under this request: no answer, nothing acknowledged.
                    return;
                }
            }
        })).ToList();

        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(3);
        while (accepted.Count < AcceptedBeforeKill && DateTime.UtcNow < deadline && producers.All(t => !t.IsCompleted))
        {
            await Task.Delay(20);
        }

        Assert.True(accepted.Count >= AcceptedBeforeKill, $"only {accepted.Count} events accepted before the deadline; see {_folder}\n{_api.LogTail()}");
        _api.Kill(); // SIGKILL mid-load: requests in flight get no answer
        await Task.WhenAll(producers);
        await stop.CancelAsync();

        var acknowledged = accepted.ToList();
        var landed = RawCommentIds();
        var counts = landed.GroupBy(id => id).ToDictionary(g => g.Key, g => g.Count());
        output.WriteLine($"{Volatile.Read(ref sent)} sent, {acknowledged.Count} accepted before the kill, {landed.Count} in the raw zone " +
            $"({landed.Count - acknowledged.Count} of them landed but unanswered when the API died)");

        Assert.Empty(acknowledged.Where(id => !counts.ContainsKey(id)).Take(10));
        Assert.Empty(counts.Where(c => c.Value > 1).Take(10));
        Assert.Equal(acknowledged.Count, acknowledged.Distinct().Count());
    }

    private static StringContent Body(List<string> commentIds, string videoId)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var json = new StringBuilder("[");
        foreach (var id in commentIds)
        {
            json.Append(json.Length > 1 ? "," : "")
                .Append($$"""{"type":"comment","id":"{{id}}","video_id":"{{videoId}}","text":"kill test comment","create_time":{{now - 10}}}""");
        }

        return new StringContent(json.Append(']').ToString(), Encoding.UTF8, "application/json");
    }

    /// <summary>The comment ids of every raw record in the lake, one per line (a twice-landed event appears twice).</summary>
    private List<string> RawCommentIds()
    {
        var ids = new List<string>();
        var raw = Path.Combine(LakePath, "raw", "comments");
        if (!Directory.Exists(raw))
        {
            return ids;
        }

        foreach (var file in Directory.EnumerateFiles(raw, "*.jsonl.gz", SearchOption.AllDirectories))
        {
            using var reader = new StreamReader(new GZipStream(File.OpenRead(file), CompressionMode.Decompress));
            while (reader.ReadLine() is { Length: > 0 } line)
            {
                using var record = JsonDocument.Parse(line);
                ids.Add(record.RootElement.GetProperty("event").GetProperty("id").GetString()!);
            }
        }

        return ids;
    }

    public Task DisposeAsync()
    {
        _api?.Dispose();
        _silo?.Dispose();
        return Task.CompletedTask;
    }
}
