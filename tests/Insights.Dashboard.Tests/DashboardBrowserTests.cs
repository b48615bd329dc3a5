namespace Insights.Dashboard.Tests;

using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Insights.Testing;

/// <summary>
/// Drives the dashboard in Debian's chromium through playwright-core (browser-test.mjs): the overview follows
/// events posted while it is open, the video page draws its charts, and screenshots of both are kept.
/// </summary>
public sealed class DashboardBrowserTests(DashboardFixture api) : IClassFixture<DashboardFixture>
{
    public const string VideoA = "7300000000000000101";
    public const string VideoB = "7300000000000000102";
    public const string Injection = "<img src=x onerror=\"window.__pwned=1\"><script>window.__pwned=1</script> so good";

    private static string Artifacts => BrowserTooling.Artifacts;

    [Fact]
    public async Task Overview_and_video_pages_follow_live_events_in_chromium()
    {
        BrowserTooling.RequireTooling();
        Directory.CreateDirectory(Artifacts);
        foreach (var png in new[] { "overview.png", "video.png", "key.png" })
        {
            File.Delete(Path.Combine(Artifacts, png));
        }

        await PostAsync(FirstBatch(DateTimeOffset.UtcNow));
        // The page must first see the whole first batch (A: 7 comments in 5 minutes, B: 1), so that any change is the second's.
        await WaitUntilAsync(
            async () => (await TopAsync("comments")).Sum(e => e!["comments"]!.GetValue<long>()) == 8,
            "the first batch to reach the leaderboard");

        var secondSent = false;
        var liveSent = false;
        var (code, output) = await BrowserTooling.RunScriptAsync(
            "browser-test.mjs",
            api.BaseAddress, api.ApiKey,
            new Dictionary<string, string>
            {
                ["DASHBOARD_VIDEO"] = VideoA,
                ["DASHBOARD_ALERT_VIDEO"] = VideoA,
                ["DASHBOARD_EXPECT_TOP_COMMENTS"] = $"{VideoB}:16",
                ["DASHBOARD_EXPECT_TAG"] = "choreo",
                ["DASHBOARD_VIDEO_NAME"] = "@chef_ana — dashboard test video",
            },
            async line =>
            {
                // The script has read the overview as it stands: now the numbers must move.
                if (line.Trim() == "READY" && !secondSent)
                {
                    secondSent = true;
                    await PostAsync(SecondBatch(DateTimeOffset.UtcNow));
                }

                // The video page has drawn its history: now its charts must follow new events.
                if (line.Trim() == "VIDEO_READY" && !liveSent)
                {
                    liveSent = true;
                    await PostAsync(LiveBatch(DateTimeOffset.UtcNow));
                }
            });

        Assert.True(code == 0, $"browser-test.mjs exited with {code}:\n{output}");
        Assert.True(secondSent, "the script never reported READY:\n" + output);
        Assert.True(liveSent, "the script never reported VIDEO_READY:\n" + output);

        // The README's screenshots are refreshed on request only, so a test run leaves the work tree clean.
        var screenshots = Environment.GetEnvironmentVariable("INSIGHTS_UPDATE_SCREENSHOTS") == "1"
            ? Directory.CreateDirectory(Path.Combine(RepoRoot.Path, "docs", "screenshots")).FullName
            : null;
        foreach (var png in new[] { "overview.png", "video.png" })
        {
            var path = Path.Combine(Artifacts, png);
            Assert.True(File.Exists(path), $"{path} was not written:\n{output}");
            var bytes = await File.ReadAllBytesAsync(path);
            Assert.True(bytes.Length > 10_000, $"{png} is only {bytes.Length} bytes");
            Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A }, bytes[..8]);
            var width = (bytes[16] << 24) | (bytes[17] << 16) | (bytes[18] << 8) | bytes[19];
            var height = (bytes[20] << 24) | (bytes[21] << 16) | (bytes[22] << 8) | bytes[23];
            Assert.True(width >= 800 && height >= 400, $"{png} is {width}x{height}");
            if (screenshots is not null)
            {
                File.Copy(path, Path.Combine(screenshots, png), overwrite: true);
            }
        }
    }

    [Fact]
    public async Task Streams_are_served_as_server_sent_events_and_kept_out_of_the_openapi_document()
    {
        var snapshot = await OverviewSnapshotAsync();
        Assert.NotNull(snapshot["topComments"]);
        Assert.NotNull(snapshot["totals"]);
        // The rules are the cluster's, with the silo's thresholds.
        Assert.Contains(snapshot["alertRules"]!.AsArray(), r => r!.GetValue<string>().Contains("by more than 30 points", StringComparison.Ordinal));

        // The rule of each ranking, as the silo applies it (its defaults here), for the page to show under the table.
        var rules = snapshot["rules"]!;
        Assert.StartsWith("Engagement rate (likes + comments + shares) / views gained in the last 5 min, for videos with at least 100 views in it, shrunk toward",
            rules["engagement"]!["description"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal((100, 1000d), (rules["engagement"]!["minViews"]!.GetValue<long>(), rules["engagement"]!["priorWeight"]!.GetValue<double>()));
        Assert.Contains("at least 5 scored comments", rules["sentiment"]!["description"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.StartsWith("Comments posted in the last 5 min", rules["comments"]!["description"]!.GetValue<string>(), StringComparison.Ordinal);

        var bad = await api.Client.GetAsync("/api/dashboard/videos/not%20valid/stream");
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, bad.StatusCode);

        var openApi = await api.Client.GetStringAsync("/openapi/v1.json");
        Assert.DoesNotContain("/api/dashboard", openApi, StringComparison.Ordinal);

        var page = await api.Client.GetAsync("/dashboard/");
        page.EnsureSuccessStatusCode();
        Assert.Contains("overview.js", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(System.Net.HttpStatusCode.OK, (await api.Client.GetAsync("/dashboard/video.html")).StatusCode);
    }

    /// <summary>The case: a fresh run whose videos carry hashtags showed "none yet" until comments used some.</summary>
    [Fact]
    public async Task Trending_hashtags_show_a_new_videos_own_hashtags_without_any_comment()
    {
        var tag = "fresh" + Guid.NewGuid().ToString("N")[..8];
        await PostAsync([Video("7300000000000000199", "new_creator", DateTimeOffset.UtcNow.AddMinutes(-1), [tag, "fyp"])]);

        JsonArray tags = [];
        await WaitUntilAsync(
            async () =>
            {
                tags = (JsonArray)(await OverviewSnapshotAsync())["trendingHashtags"]!;
                return tags.Any(t => t!["term"]!.GetValue<string>() == tag);
            },
            $"#{tag} among the trending hashtags");
        Assert.Contains(tags, t => t!["term"]!.GetValue<string>() == tag && t["count"]!.GetValue<long>() == 1);
    }

    /// <summary>The first snapshot a new overview stream pushes: the current one.</summary>
    private async Task<JsonNode> OverviewSnapshotAsync()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/dashboard/stream");
        using var response = await api.Client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        string? data = null;
        while (data is null && await reader.ReadLineAsync(cts.Token) is { } line)
        {
            data = line.StartsWith("data: ", StringComparison.Ordinal) ? line[6..] : null;
        }

        return JsonNode.Parse(data!)!;
    }

    private async Task<JsonArray> TopAsync(string by) =>
        (JsonArray)JsonNode.Parse(await api.Client.GetStringAsync($"/api/videos/top?by={by}&window=5m&limit=10"))!;

    private async Task PostAsync(JsonArray events)
    {
        var response = await api.Client.PostAsJsonAsync("/api/events", events);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        var answer = JsonNode.Parse(body)!;
        Assert.True(answer["rejected"]!.GetValue<int>() == 0 && answer["retry"]!.GetValue<int>() == 0, body);
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"timed out waiting for {what}");
            await Task.Delay(200);
        }
    }

    /// <summary>Comments of A spread over the last hour, one a minute, outside the last 5 minutes; mostly critical.</summary>
    public const int HistoryComments = 53;

    /// <summary>
    /// Two videos. A: an hour of history (a comment a minute and an engagement observation every 5 minutes, all older
    /// than 5 minutes, so the 5-minute rankings are the two videos' recent comments only), negative comments half an
    /// hour ago and positive ones in the last minutes (a sentiment swing), engagement growth and one comment trying
    /// to inject markup.
    /// </summary>
    public static JsonArray FirstBatch(DateTimeOffset now)
    {
        var events = new JsonArray
        {
            Video(VideoA, "chef_ana", now.AddDays(-1), ["cooking", "fyp"]),
            Video(VideoB, "dance_bo", now.AddDays(-1), ["dance", "choreo"]), // #choreo only on the video: trends from its own hashtags
        };
        for (var k = 0; k < 10; k++)
        {
            events.Add(Engagement(VideoA, now.AddMinutes(-55 + 5 * k), 100 + 80 * k, 5 + 4 * k, k / 3));
        }

        string[] texts = ["this is boring and bad", "ok I guess", "bad, really bad", "nice"];
        for (var i = 0; i < HistoryComments; i++)
        {
            events.Add(Comment($"a-hist-{i}", VideoA, texts[i % texts.Length], now.AddMinutes(-58 + i)));
        }

        events.Add(Engagement(VideoA, now.AddMinutes(-4), 1000, 50, 5));
        events.Add(Engagement(VideoA, now.AddMinutes(-1), 2000, 150, 12));
        events.Add(Engagement(VideoB, now.AddMinutes(-4), 500, 10, 1));
        events.Add(Engagement(VideoB, now.AddMinutes(-1), 900, 40, 3));
        for (var i = 0; i < 12; i++)
        {
            events.Add(Comment($"a-old-{i}", VideoA, "this is terrible, awful and boring, I hate it #fail", now.AddMinutes(-30).AddSeconds(i)));
        }

        for (var i = 0; i < 6; i++)
        {
            events.Add(Comment($"a-new-{i}", VideoA, "I love this, amazing and wonderful! #fyp #cooking", now.AddSeconds(-90 + i)));
        }

        events.Add(Comment("a-inject", VideoA, Injection, now.AddSeconds(-5)));
        events.Add(Comment("b-0", VideoB, "nice moves #dance", now.AddSeconds(-30)));
        return events;
    }

    /// <summary>Sent once the page is open: B overtakes A in comment velocity, A keeps going.</summary>
    public static JsonArray SecondBatch(DateTimeOffset now)
    {
        var events = new JsonArray { Engagement(VideoA, now, 2600, 210, 20) };
        for (var i = 0; i < 15; i++)
        {
            events.Add(Comment($"b-live-{i}", VideoB, "great dance, love it #dance #fyp", now.AddSeconds(-20 + i)));
        }

        for (var i = 0; i < 3; i++)
        {
            events.Add(Comment($"a-live-{i}", VideoA, "so happy, beautiful recipe #cooking", now.AddSeconds(-10 + i)));
        }

        return events;
    }

    /// <summary>Sent once the video page shows its history: five more comments on A, now.</summary>
    public static JsonArray LiveBatch(DateTimeOffset now) =>
        new(Enumerable.Range(0, 5).Select(i => (JsonNode)Comment($"a-after-{i}", VideoA, "still watching, lovely", now.AddSeconds(-i))).ToArray());

    private static JsonObject Video(string id, string user, DateTimeOffset created, string[] tags) => new()
    {
        ["type"] = "video", ["id"] = id, ["username"] = user, ["create_time"] = created.ToUnixTimeSeconds(),
        ["region_code"] = "US", ["video_description"] = "dashboard test video", ["hashtag_names"] = new JsonArray(tags.Select(t => (JsonNode)t!).ToArray()),
    };

    private static JsonObject Comment(string id, string video, string text, DateTimeOffset at) => new()
    {
        ["type"] = "comment", ["id"] = id, ["video_id"] = video, ["text"] = text, ["create_time"] = at.ToUnixTimeSeconds(), ["username"] = "fan_" + id,
    };

    private static JsonObject Engagement(string video, DateTimeOffset at, long views, long likes, long shares) => new()
    {
        ["type"] = "engagement", ["video_id"] = video, ["time"] = at.ToUnixTimeSeconds(),
        ["view_count"] = views, ["like_count"] = likes, ["share_count"] = shares,
    };
}
