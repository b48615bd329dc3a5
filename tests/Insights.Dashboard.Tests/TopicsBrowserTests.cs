namespace Insights.Dashboard.Tests;

using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

/// <summary>
/// Drives the overview's topics panel and a video page's topics in Debian's chromium through playwright-core
/// (topics-browser-test.mjs), after themed comments were posted and the day's topics built through the API.
/// </summary>
public sealed class TopicsBrowserTests(DashboardFixture api) : IClassFixture<DashboardFixture>
{
    private static string Artifacts => BrowserTooling.Artifacts;

    [Fact]
    public async Task The_topics_panel_and_the_video_page_show_the_topics_the_api_answers()
    {
        BrowserTooling.RequireTooling();
        Directory.CreateDirectory(Artifacts);
        foreach (var png in new[] { "topics.png", "video-topics.png" })
        {
            File.Delete(Path.Combine(Artifacts, png));
        }

        var now = DateTimeOffset.UtcNow;
        var day = DateOnly.FromDateTime(now.UtcDateTime).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var posted = await api.Client.PostAsJsonAsync("/api/events", ThemedComments.Events(now));
        Assert.True(posted.IsSuccessStatusCode, await posted.Content.ReadAsStringAsync());
        await BuildAsync(day);

        // The page must have something to show: the themes became topics, and the video has its share of them.
        var topics = JsonNode.Parse(await api.Client.GetStringAsync($"/api/topics?date={day}"))!;
        Assert.True(topics["topics"]!.AsArray().Count >= 2, "the build found fewer than two topics: " + topics.ToJsonString());
        var videoTopics = JsonNode.Parse(await api.Client.GetStringAsync($"/api/videos/{ThemedComments.VideoA}/topics?date={day}"))!;
        Assert.True(videoTopics["topics"]!.AsArray().Count >= 1, "video A has no topic: " + videoTopics.ToJsonString());

        var (code, output) = await BrowserTooling.RunScriptAsync(
            "topics-browser-test.mjs",
            api.BaseAddress, api.ApiKey,
            new Dictionary<string, string>
            {
                ["DASHBOARD_DAY"] = day,
                ["DASHBOARD_VIDEO"] = ThemedComments.VideoA,
            });

        Assert.True(code == 0, $"topics-browser-test.mjs exited with {code}:\n{output}");
        foreach (var png in new[] { "topics.png", "video-topics.png" })
        {
            Assert.True(new FileInfo(Path.Combine(Artifacts, png)).Length > 10_000, $"{png} was not written:\n{output}");
        }
    }

    /// <summary>
    /// Builds the day's topics (scope ingest) until the build has read every posted comment: they reach the processed
    /// zone's files a moment after they are accepted.
    /// </summary>
    private async Task BuildAsync(string day)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var response = await api.Client.PostAsync($"/api/topics/build?date={day}", content: null);
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.IsSuccessStatusCode, body);
            if (JsonNode.Parse(body)!["comments"]!.GetValue<long>() >= ThemedComments.Count)
            {
                return;
            }

            Assert.True(DateTime.UtcNow < deadline, "the build never read every posted comment: " + body);
            await Task.Delay(500); // each try is a build: a few a second at most
        }
    }
}
