namespace Insights.Api.Tests;

using System.Net;
using System.Text.Json.Nodes;
using Insights.Creators;
using Insights.Dimensions;
using Microsoft.AspNetCore.Mvc;

[Collection(ApiCollection.Name)]
public sealed class CreatorsApiTests(ApiFixture fixture)
{
    private static string Video(string id, string user, string description, params string[] tags) =>
        new JsonObject
        {
            ["type"] = "video", ["id"] = id, ["username"] = user, ["create_time"] = Json.Now - 3600,
            ["video_description"] = description, ["hashtag_names"] = new JsonArray(tags.Select(t => (JsonNode)t!).ToArray()),
        }.ToJsonString();

    private static string Comment(string id, string video, string text) =>
        $$"""{"type":"comment","id":"{{id}}","video_id":"{{video}}","text":"{{text}}","create_time":{{Json.Now}}}""";

    private static string Engagement(string video, long views, long likes, long shares) =>
        $$"""{"type":"engagement","video_id":"{{video}}","time":{{Json.Now}},"view_count":{{views}},"like_count":{{likes}},"share_count":{{shares}}}""";

    private async Task PostAsync(params string[] events)
    {
        var response = await fixture.Client.PostAsync("/api/events", Json.Body("[" + string.Join(",", events) + "]"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private async Task<T> EventuallyAsync<T>(string path, Func<T, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            var response = await fixture.Client.GetAsync(path);
            if (response.StatusCode == HttpStatusCode.OK && await response.Read<T>() is { } value && done(value))
            {
                return value;
            }

            Assert.True(DateTime.UtcNow < deadline, $"GET {path} did not get there: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            await Task.Delay(200);
        }
    }

    [Fact]
    public async Task A_creator_sums_its_videos_ranks_them_and_is_found_by_name_as_are_its_videos_by_creator_and_hashtag()
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var creator = "chef.ana_" + suffix;
        var (pasta, knife) = ("pasta-" + suffix, "knife-" + suffix);
        var tag = "cooking" + suffix;
        await PostAsync(
            Video(pasta, creator, "pasta night 🍝", tag, "fyp"),
            Video(knife, creator, "knife skills", tag),
            Video("other-" + suffix, "bob_" + suffix, "not cooking", "dance" + suffix),
            Engagement(pasta, 1000, 90, 10),
            Engagement(knife, 4000, 20, 0),
            Comment("p1-" + suffix, pasta, "love it, amazing"),
            Comment("p2-" + suffix, pasta, "so good"),
            Comment("k1-" + suffix, knife, "terrible and boring"));

        var stats = await EventuallyAsync<CreatorStats>($"/api/creators/{creator}", s => s.Totals.Comments == 3 && s.Totals.Views == 5000);
        Assert.Equal(creator, stats.Username);
        Assert.Equal(2, stats.Videos);
        Assert.Equal(0.0246, stats.EngagementRate); // (110 likes + 3 comments + 10 shares) / 5000
        Assert.Equal(3, stats.Windows["5m"].Comments);
        Assert.Equal(3, stats.Sentiment.Positive + stats.Sentiment.Neutral + stats.Sentiment.Negative);
        Assert.Equal(CreatorVideoOrder.Engagement, stats.RankedBy);
        Assert.Equal([pasta, knife], stats.TopVideos.Select(v => v.VideoId));
        Assert.Equal("pasta night 🍝", stats.TopVideos[0].Description);

        var byViews = await (await fixture.Client.GetAsync($"/api/creators/{creator}?by=views&limit=1")).Read<CreatorStats>();
        Assert.Equal([knife], byViews.TopVideos.Select(v => v.VideoId));

        var found = await EventuallyAsync<List<CreatorMatch>>($"/api/creators?search=@ANA_{suffix}", f => f.Count > 0);
        Assert.Equal(creator, Assert.Single(found).Username);
        Assert.Equal(2, found[0].Videos);

        var tagged = await EventuallyAsync<List<VideoMatch>>($"/api/videos?hashtag=%23{tag}", v => v.Count == 2);
        Assert.All(tagged, v => Assert.Equal(creator, v.Username));
        Assert.Contains(tagged, v => v.VideoId == pasta && v.Description == "pasta night 🍝" && v.Hashtags.Contains("fyp"));
        var mine = await (await fixture.Client.GetAsync($"/api/videos?creator={creator}&hashtag=fyp&limit=5")).Read<List<VideoMatch>>();
        Assert.Equal([pasta], mine.Select(v => v.VideoId));
    }

    [Fact]
    public async Task A_creator_no_video_reported_for_is_404_with_a_problem()
    {
        var response = await fixture.Client.GetAsync("/api/creators/nobody_" + Guid.NewGuid().ToString("N"));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("Unknown creator", (await response.Read<ProblemDetails>()).Title);
    }

    [Theory]
    [InlineData("/api/creators/%20%20")]
    [InlineData("/api/creators/bad%01name")]
    [InlineData("/api/creators/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    [InlineData("/api/creators/ana?by=popularity")]
    [InlineData("/api/creators/ana?by=1")]
    [InlineData("/api/creators/ana?limit=0")]
    [InlineData("/api/creators/ana?limit=101")]
    [InlineData("/api/creators")]
    [InlineData("/api/creators?search=")]
    [InlineData("/api/creators?search=%40")]
    [InlineData("/api/creators?search=ana&limit=1000")]
    [InlineData("/api/videos")]
    [InlineData("/api/videos?creator=%20")]
    [InlineData("/api/videos?hashtag=%23")]
    [InlineData("/api/videos?hashtag=a,b")]
    [InlineData("/api/videos?hashtag=cooking&limit=0")]
    public async Task Invalid_names_filters_and_limits_are_400_with_a_problem(string path)
    {
        var response = await fixture.Client.GetAsync(path);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Matches("^(Invalid|Missing) ", (await response.Read<ProblemDetails>()).Title);
    }

    [Fact]
    public async Task The_openapi_document_describes_the_creator_and_search_endpoints()
    {
        var doc = JsonNode.Parse(await fixture.Client.GetStringAsync("/openapi/v1.json"))!;
        var paths = doc["paths"]!.AsObject();
        Assert.NotNull(paths["/api/creators/{username}"]?["get"]);
        Assert.NotNull(paths["/api/creators"]?["get"]);
        Assert.NotNull(paths["/api/videos"]?["get"]);
        var parameters = paths["/api/videos"]!["get"]!["parameters"]!.AsArray().Select(p => p!["name"]!.GetValue<string>());
        Assert.Equal(["creator", "hashtag", "limit"], parameters.Order());
    }
}
