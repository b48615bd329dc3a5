namespace Insights.Sources.Tests.EndToEnd;

using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Insights.Sources.Tests.Support;
using Insights.Stats;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

/// <summary>
/// A silo with the TikTok poller grain enabled against the stub, and the API as its client: what the grains answer is
/// exactly the stub's data, and a rescheduled silo resumes from the grain's state.
/// </summary>
public sealed class TikTokSourceEndToEndTests(SourcesApiFixture fixture, ITestOutputHelper output) : IClassFixture<SourcesApiFixture>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    [Fact]
    public async Task The_api_reflects_the_stub_exactly_and_a_restarted_silo_resumes_from_grain_state_without_duplicates()
    {
        var stub = fixture.Stub;
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var busy = stub.AddVideo(SourcesApiFixture.Creator, now - 7200, 1, views: 5_000, likes: 400, shares: 25, hashtags: ["cooking", "fyp"]);
        var quiet = stub.AddVideo(SourcesApiFixture.Creator, now - 3600, 2, views: 800, likes: 60, shares: 3);
        stub.AddComments(busy, 230, now - 3000, perSecond: 3);
        stub.AddComments(quiet, 12, now - 1000);

        using (var silo = await fixture.StartSiloAsync())
        await using (var api = fixture.StartApi())
        {
            using var client = SourcesApiFixture.CreateClient(api);
            var stats = await WaitForTotals(client, busy);
            await WaitForTotals(client, quiet);

            Assert.Equal(SourcesApiFixture.Creator, stats.Video!.Username);
            Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(busy.CreateTime), stats.Video.CreateTime);
            Assert.Equal(["cooking", "fyp"], stats.Video.Hashtags);
            Assert.Equal(busy.Description, stats.Video.Description);
            await api.DisposeAsync();
            await silo.StopAsync();
        }

        // The silo (and its poller grain) is stopped; TikTok moves on; a new silo reads the grain's state and resumes.
        var requestsBefore = stub.Requests.Count;
        stub.AddComments(busy, 40, now - 100);
        stub.Update(() => (busy.Views, busy.Likes, busy.Shares) = (9_000, 700, 41));

        using (var silo = await fixture.StartSiloAsync())
        await using (var api = fixture.StartApi())
        {
            using var client = SourcesApiFixture.CreateClient(api);
            foreach (var video in new[] { busy, quiet })
            {
                var stats = await WaitForTotals(client, video);
                Assert.Equal(0, stats.Ingest.DuplicateComments);
            }

            // Give the restarted poller a few more polls: still nothing twice.
            await Task.Delay(TimeSpan.FromSeconds(2.5));
            foreach (var video in new[] { busy, quiet })
            {
                var stats = await Get(client, video);
                Assert.Equal(Expected(video), stats!.Totals);
                Assert.Equal(0, stats.Ingest.DuplicateComments);
            }

            await api.DisposeAsync();
            await silo.StopAsync();
        }

        var resumed = stub.Requests.Skip(requestsBefore).Where(r => r.IsCommentList && r.VideoId == busy.Id.ToString()).ToList();
        Assert.Equal(230, resumed[0].Cursor);
        Assert.Contains(RawLakeLines(), line => line.Contains("\"source\":\"tiktok\"", StringComparison.Ordinal));
        output.WriteLine($"{stub.Requests.Count} requests to the stub; {stub.Requests.Count(r => r.IsToken)} tokens");
    }

    [Fact]
    public async Task A_disabled_source_polls_nothing()
    {
        Assert.False(new Insights.Sources.TikTok.TikTokSourceOptions().Enabled); // the default
        var disabled = new Dictionary<string, string?> { ["Insights:Sources:TikTok:Enabled"] = "false" };
        var requestsBefore = fixture.Stub.Requests.Count;
        using var silo = await fixture.StartSiloAsync(disabled);
        try
        {
            var poller = silo.Services.GetRequiredService<IGrainFactory>().GetGrain<ITikTokPollerGrain>(ITikTokPollerGrain.GlobalKey);
            await poller.EnsureScheduled();

            var status = await poller.GetStatus();
            Assert.False(status.Enabled);
            Assert.Equal(0, status.Polls);
            Assert.Equal(requestsBefore, fixture.Stub.Requests.Count);
        }
        finally
        {
            await silo.StopAsync();
        }
    }

    [Fact]
    public async Task An_enabled_source_without_its_secret_stops_the_silo_at_start_naming_the_key()
    {
        using var silo = fixture.BuildSilo(new Dictionary<string, string?> { ["Insights:Sources:TikTok:ClientSecret"] = "" });

        var ex = await Assert.ThrowsAnyAsync<Exception>(() => silo.StartAsync());

        Assert.Contains("Insights:Sources:TikTok:ClientSecret is required", Flatten(ex));
    }

    private static string Flatten(Exception ex) => ex is AggregateException a
        ? string.Join(" | ", a.InnerExceptions.Select(Flatten))
        : ex.Message + (ex.InnerException is { } inner ? " | " + Flatten(inner) : "");

    private static Totals Expected(StubVideo video) => new()
    {
        Views = video.Views,
        Likes = video.Likes,
        Shares = video.Shares,
        Comments = video.Comments.Count,
    };

    private static async Task<VideoStats?> Get(HttpClient client, StubVideo video)
    {
        var response = await client.GetAsync($"/api/videos/{video.Id}");
        return response.StatusCode == HttpStatusCode.OK ? await response.Content.ReadFromJsonAsync<VideoStats>(Json) : null;
    }

    private static async Task<VideoStats> WaitForTotals(HttpClient client, StubVideo video)
    {
        var expected = Expected(video);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        VideoStats? stats;
        do
        {
            stats = await Get(client, video);
            if (stats?.Totals == expected)
            {
                return stats;
            }

            await Task.Delay(100);
        }
        while (DateTime.UtcNow < deadline);

        Assert.Fail($"video {video.Id}: expected {expected}, got {stats?.Totals}");
        return stats!;
    }

    private IEnumerable<string> RawLakeLines()
    {
        var raw = Path.Combine(fixture.LakePath, "raw");
        if (!Directory.Exists(raw))
        {
            yield break;
        }

        foreach (var file in Directory.EnumerateFiles(raw, "*.jsonl.gz", SearchOption.AllDirectories))
        {
            using var gzip = new GZipStream(File.OpenRead(file), CompressionMode.Decompress);
            using var reader = new StreamReader(gzip);
            while (reader.ReadLine() is { } line)
            {
                yield return line;
            }
        }
    }
}
