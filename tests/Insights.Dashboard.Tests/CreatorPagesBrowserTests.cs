namespace Insights.Dashboard.Tests;

using System.Net.Http.Json;
using System.Text.Json.Nodes;

/// <summary>
/// Drives the creator page and the overview's search in Debian's chromium through playwright-core
/// (creator-browser-test.mjs), over creators whose videos were posted through the API first.
/// </summary>
public sealed class CreatorPagesBrowserTests(DashboardFixture api) : IClassFixture<DashboardFixture>
{
    public const string Creator = "chef_ana";
    public const string Hashtag = "cooking";

    private static string Artifacts => BrowserTooling.Artifacts;

    [Fact]
    public async Task A_creator_page_shows_the_creator_s_figures_and_videos_which_lead_to_their_pages()
    {
        await PostAndWaitAsync();
        await RunScriptAsync("creator", "creator.png");
    }

    [Fact]
    public async Task The_overview_search_finds_creators_by_name_and_videos_by_creator_and_hashtag()
    {
        await PostAndWaitAsync();
        await RunScriptAsync("search", "search.png");
    }

    private async Task RunScriptAsync(string scenario, string screenshot)
    {
        BrowserTooling.RequireTooling();
        Directory.CreateDirectory(Artifacts);
        File.Delete(Path.Combine(Artifacts, screenshot));

        var (code, output) = await BrowserTooling.RunScriptAsync(
            "creator-browser-test.mjs",
            api.BaseAddress, api.ApiKey,
            new Dictionary<string, string>
            {
                ["DASHBOARD_SCENARIO"] = scenario,
                ["DASHBOARD_CREATOR"] = Creator,
                ["DASHBOARD_HASHTAG"] = Hashtag,
            });

        Assert.True(code == 0, $"creator-browser-test.mjs ({scenario}) exited with {code}:\n{output}");
        Assert.True(new FileInfo(Path.Combine(Artifacts, screenshot)).Length > 10_000, $"{screenshot} was not written:\n{output}");
    }

    /// <summary>
    /// Posts the creators' videos (again: events are idempotent) and waits until the creator's roll-up and the
    /// directory hold all of them, so the page has everything to show when it opens.
    /// </summary>
    private async Task PostAndWaitAsync()
    {
        var response = await api.Client.PostAsJsonAsync("/api/events", Events(DateTimeOffset.UtcNow));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);

        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var creator = await api.Client.GetAsync($"/api/creators/{Creator}");
            var tagged = await api.Client.GetAsync($"/api/videos?hashtag={Hashtag}");
            if (creator.IsSuccessStatusCode && tagged.IsSuccessStatusCode
                && JsonNode.Parse(await creator.Content.ReadAsStringAsync())!["totals"]!["comments"]!.GetValue<long>() == 9
                && JsonNode.Parse(await tagged.Content.ReadAsStringAsync())!.AsArray().Count == 3)
            {
                return;
            }

            Assert.True(DateTime.UtcNow < deadline, $"the creator's videos did not arrive: {await creator.Content.ReadAsStringAsync()}");
            await Task.Delay(200);
        }
    }

    /// <summary>
    /// chef_ana: three videos, two tagged #cooking, with different engagement, comment counts and views so that each
    /// ranking differs; chef_bo (found by "chef" too) and dance_cy, whose one video is also tagged #cooking.
    /// </summary>
    public static JsonArray Events(DateTimeOffset now)
    {
        var events = new JsonArray
        {
            Video("7400000000000000001", Creator, "Pasta night with my grandmother's sauce", now.AddDays(-3), [Hashtag, "pasta"]),
            Video("7400000000000000002", Creator, "Knife skills in 60 seconds", now.AddDays(-2), [Hashtag]),
            Video("7400000000000000003", Creator, "Kitchen tour", now.AddDays(-1), ["home"]),
            Video("7400000000000000004", "chef_bo", "Bo's burger", now.AddDays(-1), ["burger"]),
            Video("7400000000000000005", "dance_cy", "Dancing while cooking", now.AddHours(-5), ["dance", Hashtag]),
            Engagement("7400000000000000001", now.AddMinutes(-3), 2000, 400, 30),
            Engagement("7400000000000000002", now.AddMinutes(-3), 50_000, 900, 40),
            Engagement("7400000000000000003", now.AddMinutes(-3), 9000, 50, 2),
        };
        for (var i = 0; i < 5; i++)
        {
            events.Add(Comment($"ana1-{i}", "7400000000000000001", "I love this, amazing and wonderful!", now.AddSeconds(-60 + i)));
        }

        for (var i = 0; i < 3; i++)
        {
            events.Add(Comment($"ana2-{i}", "7400000000000000002", "this is terrible, awful and boring", now.AddSeconds(-40 + i)));
        }

        events.Add(Comment("ana3-0", "7400000000000000003", "nice kitchen", now.AddSeconds(-20)));
        events.Add(Comment("bo-0", "7400000000000000004", "looks tasty", now.AddSeconds(-20)));
        events.Add(Comment("cy-0", "7400000000000000005", "great moves", now.AddSeconds(-20)));
        return events;
    }

    private static JsonObject Video(string id, string user, string description, DateTimeOffset created, string[] tags) => new()
    {
        ["type"] = "video", ["id"] = id, ["username"] = user, ["create_time"] = created.ToUnixTimeSeconds(),
        ["region_code"] = "US", ["video_description"] = description, ["hashtag_names"] = new JsonArray(tags.Select(t => (JsonNode)t!).ToArray()),
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
