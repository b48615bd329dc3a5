namespace Insights.Api.Tests;

using System.Net;
using Insights.Leaderboard;
using Microsoft.AspNetCore.Mvc;

[Collection(ApiCollection.Name)]
public sealed class VideosApiTests(ApiFixture fixture)
{
    [Fact]
    public async Task A_video_never_seen_is_404_with_a_problem()
    {
        var response = await fixture.Client.GetAsync("/api/videos/never-seen-" + Guid.NewGuid().ToString("N"));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("Unknown video", (await response.Read<ProblemDetails>()).Title);
    }

    [Theory]
    [InlineData("bad%20id")]
    [InlineData("..%2F..%2Fetc")]
    [InlineData("a%27%3B%20DROP%20TABLE%20x")]
    public async Task An_invalid_video_id_is_400(string id)
    {
        var response = await fixture.Client.GetAsync($"/api/videos/{id}");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Top_ranks_videos_fed_by_the_grains()
    {
        var busy = "top-busy-" + Guid.NewGuid().ToString("N")[..8];
        var calm = "top-calm-" + Guid.NewGuid().ToString("N")[..8];
        var now = Json.Now;
        var events = Enumerable.Range(0, 40).Select(i =>
                $$"""{"type":"comment","id":"{{busy}}-{{i}}","video_id":"{{busy}}","text":"amazing","create_time":{{now}}}""")
            .Append($$"""{"type":"comment","id":"{{calm}}-1","video_id":"{{calm}}","text":"ok","create_time":{{now}}}""");
        var post = await fixture.Client.PostAsync("/api/events", Json.Body("[" + string.Join(",", events) + "]"));
        Assert.Equal(HttpStatusCode.OK, post.StatusCode);

        var deadline = DateTime.UtcNow.AddSeconds(20);
        IReadOnlyList<LeaderboardEntry> top;
        do
        {
            await Task.Delay(200);
            top = await (await fixture.Client.GetAsync("/api/videos/top?by=comments&window=5m&limit=100")).Read<List<LeaderboardEntry>>();
        }
        while (!(top.Any(e => e.VideoId == busy && e.Comments == 40) && top.Any(e => e.VideoId == calm)) && DateTime.UtcNow < deadline);

        Assert.True(top.Single(e => e.VideoId == busy).Rank < top.Single(e => e.VideoId == calm).Rank);
        Assert.Equal(40, top.Single(e => e.VideoId == busy).Value);
    }

    [Theory]
    [InlineData("by=popularity")]
    [InlineData("by=1")]
    [InlineData("window=2h")]
    [InlineData("limit=0")]
    [InlineData("limit=1000")]
    public async Task Top_with_bad_parameters_is_400(string query)
    {
        var response = await fixture.Client.GetAsync($"/api/videos/top?{query}");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData("/healthz")]
    [InlineData("/readyz")]
    [InlineData("/openapi/v1.json")]
    [InlineData("/scalar/v1")]
    public async Task Health_openapi_and_the_api_browser_answer(string path)
    {
        var response = await fixture.Client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task The_openapi_document_describes_every_endpoint()
    {
        var doc = await fixture.Client.GetStringAsync("/openapi/v1.json");
        Assert.Contains("\"/api/events\"", doc);
        Assert.Contains("\"/api/videos/{id}\"", doc);
        Assert.Contains("\"/api/videos/top\"", doc);
        Assert.Contains("\"/api/videos/{id}/series\"", doc);
    }
}
