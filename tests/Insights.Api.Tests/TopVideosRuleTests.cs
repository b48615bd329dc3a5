namespace Insights.Api.Tests;

using System.Net;
using System.Text.Json.Nodes;
using Insights.Leaderboard;

/// <summary><c>GET /api/videos/top</c>: rankings that need a real sample, entries a person recognises, the rule in the OpenAPI document.</summary>
[Collection(ApiCollection.Name)]
public sealed class TopVideosRuleTests(ApiFixture fixture)
{
    [Fact]
    public async Task Engagement_leaves_out_a_handful_of_views_and_names_the_creator_and_description()
    {
        var tiny = "eng-tiny-" + Guid.NewGuid().ToString("N")[..8];
        var solid = "eng-solid-" + Guid.NewGuid().ToString("N")[..8];
        var now = Json.Now;
        string Engagement(string video, long at, long views, long likes) =>
            $$"""{"type":"engagement","video_id":"{{video}}","time":{{at}},"view_count":{{views}},"like_count":{{likes}},"share_count":0}""";
        var events = new[]
        {
            $$"""{"type":"video","id":"{{solid}}","username":"chef_ana","create_time":{{now - 3600}},"video_description":"Pasta in 5 minutes","hashtag_names":["cooking"]}""",
            // tiny, the case: 57 likes and 1 comment on 87 views in the window (66.7 %); solid: 2,500 likes on 20,000 views (12.5 %).
            Engagement(tiny, now - 240, 1000, 10), Engagement(tiny, now - 60, 1087, 67),
            $$"""{"type":"comment","id":"{{tiny}}-1","video_id":"{{tiny}}","text":"wow","create_time":{{now - 30}}}""",
            Engagement(solid, now - 240, 50_000, 5_000), Engagement(solid, now - 60, 70_000, 7_500),
        };
        var post = await fixture.Client.PostAsync("/api/events", Json.Body("[" + string.Join(",", events) + "]"));
        Assert.Equal(HttpStatusCode.OK, post.StatusCode);

        // Until the leaderboard holds both: tiny shows by its comment, so its absence below is the rule's doing.
        IReadOnlyList<LeaderboardEntry> top = [], byComments = [];
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!(top.Any(e => e.VideoId == solid) && byComments.Any(e => e.VideoId == tiny)) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200);
            byComments = await (await fixture.Client.GetAsync("/api/videos/top?by=comments&window=5m&limit=100")).Read<List<LeaderboardEntry>>();
            top = await (await fixture.Client.GetAsync("/api/videos/top?by=engagement&window=5m&limit=100")).Read<List<LeaderboardEntry>>();
        }

        Assert.Equal((87L, 0.6667), byComments.Where(e => e.VideoId == tiny).Select(e => (e.Views, e.EngagementRate)).Single());

        var entry = Assert.Single(top, e => e.VideoId == solid);
        Assert.DoesNotContain(top, e => e.VideoId == tiny); // fewer than Insights:Leaderboard:MinViews (100) views in the window
        Assert.Equal(("chef_ana", "Pasta in 5 minutes", 20_000L, 0.125), (entry.Username, entry.Description, entry.Views, entry.EngagementRate));
        Assert.Equal(["cooking"], entry.Hashtags);
    }

    [Fact]
    public async Task The_openapi_document_states_the_ranking_rule()
    {
        var doc = JsonNode.Parse(await fixture.Client.GetStringAsync("/openapi/v1.json"))!;
        var top = doc["paths"]!["/api/videos/top"]!["get"]!;
        var description = top["description"]!.GetValue<string>();

        Assert.Contains("Insights:Leaderboard:MinViews", description, StringComparison.Ordinal);
        Assert.Contains("Insights:Leaderboard:MinComments", description, StringComparison.Ordinal);
        Assert.Contains("(interactions + m × mean) / (views + m)", description, StringComparison.Ordinal);
        Assert.Contains("Insights:Leaderboard:Windows:<window>", description, StringComparison.Ordinal);
    }
}
