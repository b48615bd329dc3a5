namespace Insights.Api.Tests.Corpus;

using System.Net;
using Insights.Api.Limits;
using Insights.Api.Security;
using Insights.Grains.Domain;
using Insights.Lake;
using Insights.Lake.Zones;
using Insights.Testing;
using Insights.Wire;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Xunit.Abstractions;

/// <summary>
/// Sends every item of the bad-input corpus (<c>Corpus/Data</c>) and then checks, exactly, that each got its answer,
/// that every refused event and body sits in quarantine under the id the API answered with the same reason, that
/// every accepted event is in the raw zone and counted by its video, that poison reaching a grain is quarantined at
/// stage <c>grain</c>, that no grain state left its folder, and that the silo and the API are still up with nothing
/// logged at Critical. Prints the figures and appends them to <c>.local/corpus-figures.txt</c>.
/// </summary>
public sealed class BadInputCorpusTests(CorpusFixture fixture, ITestOutputHelper output) : IClassFixture<CorpusFixture>
{
    private static readonly TimeSpan SettleTimeout = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task Every_corpus_item_gets_its_answer_and_the_lake_the_videos_and_the_silo_agree()
    {
        // On Kestrel, as in production: the in-memory test server's client cannot even send some of these requests
        // (a %00 in the path), and Kestrel's own refusals (a request line too long) are part of the answer.
        await using var kestrel = fixture.CreateApi(new Dictionary<string, string?> { ["Urls"] = "http://127.0.0.1:0" });
        kestrel.UseKestrel(0);
        kestrel.StartServer();
        using var client = new HttpClient { BaseAddress = new Uri(kestrel.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()) };
        client.DefaultRequestHeaders.Add(ApiKeyCredentials.HeaderName, ApiFixture.Key);

        var api = kestrel.Services;
        var ledger = new CorpusLedger();
        var runner = new CorpusRunner(
            client, api.GetRequiredService<IOptions<IngestLimits>>().Value, api.GetRequiredService<IOptions<ApiLimitsOptions>>().Value.MaxJsonDepth, ledger);
        foreach (var item in CorpusFiles.Load())
        {
            await runner.RunAsync(item);
        }

        // Past the API: poison and hostile stream keys, straight onto the streams.
        var cluster = api.GetRequiredService<IClusterClient>();
        var tag = Guid.NewGuid().ToString("N")[..8];
        var (poisonVideo, poisoned) = await StreamBypass.PublishPoisonAsync(cluster, tag, ledger);
        ledger.GrainPoison = poisoned;
        var hostileKeys = StreamBypass.HostileKeys(tag);
        await StreamBypass.PublishToHostileKeysAsync(cluster, hostileKeys);

        var recent = fixture.SiloServices.GetRequiredService<IOptions<VideoOptions>>().Value.RecentComments;
        await VideoExpectations.CheckAsync(client, ledger, recent, SettleTimeout);
        var lake = await LakeExpectations.CheckAsync(new LakeReader(fixture.SiloServices.GetRequiredService<ILakeStore>()), ledger, poisonVideo, SettleTimeout);
        await CheckHostileKeysAsync(cluster, hostileKeys, tag, ledger);
        var critical = await CheckStillServingAsync(client, ledger);

        var crashes = ledger.Crashes + critical;
        var figures =
            $"[corpus] {ledger.Items + ledger.GetItems} items tried ({ledger.Items} POST in {ledger.Requests} requests with {ledger.EventsSent} events, {ledger.GetItems} GET); " +
            $"rejected with reason: {ledger.RejectedEvents} events + {ledger.RefusedBodies} bodies; " +
            $"quarantined: {lake.QuarantinedAtIngest} at ingest (expected {ledger.Quarantine.Count}) + {lake.QuarantinedAtGrain} poison at grain (expected {ledger.GrainPoison}); " +
            $"accepted: {ledger.Accepted} (raw zone {lake.Raw}); videos checked: {ledger.Videos.Count}, absent: {ledger.Absent.Count}; crashes: {crashes}";
        output.WriteLine(figures);
        Directory.CreateDirectory(Path.Combine(RepoRoot.Path, ".local"));
        await File.AppendAllTextAsync(Path.Combine(RepoRoot.Path, ".local", "corpus-figures.txt"), figures + "\n");
        foreach (var failure in ledger.Failures)
        {
            output.WriteLine("FAILED " + failure);
        }

        Assert.True(ledger.Failures.Count == 0, $"{ledger.Failures.Count} corpus failures:\n" + string.Join("\n", ledger.Failures.Take(60)));
        Assert.Equal(0, crashes);
        Assert.Equal(ledger.RejectedEvents + ledger.RefusedBodies, lake.QuarantinedAtIngest);
        Assert.Equal(ledger.Accepted, lake.Raw);
    }

    /// <summary>Grains on hostile keys count like any other, and their state lands escaped inside the state folder.</summary>
    private async Task CheckHostileKeysAsync(IClusterClient cluster, IReadOnlyList<string> keys, string tag, CorpusLedger ledger)
    {
        var deadline = DateTime.UtcNow + SettleTimeout;
        List<string> problems;
        do
        {
            await Task.Delay(500);
            problems = [];
            foreach (var key in keys)
            {
                var stats = await cluster.GetGrain<IVideoGrain>(key).GetStats();
                if (stats?.Totals.Comments != 1)
                {
                    problems.Add($"grain '{key.Replace("\0", "\\0", StringComparison.Ordinal)}' counts {stats?.Totals.Comments} comments, expected 1");
                }
            }

            // State is written behind (every second here): wait for it, then the folder must be clean.
            problems.AddRange(StateFolder.Problems(fixture.StatePath, keys, tag));
        }
        while (problems.Count > 0 && DateTime.UtcNow < deadline);

        foreach (var problem in problems)
        {
            ledger.Fail("state folder", problem);
        }
    }

    /// <summary>The API answers readiness (a grain call), the silo host is not stopping; returns the Critical entries logged.</summary>
    private async Task<int> CheckStillServingAsync(HttpClient client, CorpusLedger ledger)
    {
        using var ready = await client.GetAsync("/readyz");
        if (ready.StatusCode != HttpStatusCode.OK)
        {
            ledger.Fail("silo", $"/readyz answers {(int)ready.StatusCode}");
        }

        if (fixture.SiloServices.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping.IsCancellationRequested)
        {
            ledger.Fail("silo", "the silo host is stopping");
        }

        var entries = fixture.Logs.Entries;
        foreach (var (level, category, message) in entries)
        {
            output.WriteLine($"logged {level} {category}: {message}");
        }

        // The video grain logs each poison event it quarantines at Error, by design; any other Error is a finding.
        foreach (var (level, category, message) in entries.Where(e => e.Level == LogLevel.Critical || e.Category != typeof(Insights.Grains.Videos.VideoGrain).FullName))
        {
            ledger.Fail("logs", $"{level} from {category}: {message}");
        }

        return entries.Count(e => e.Level == LogLevel.Critical);
    }
}
