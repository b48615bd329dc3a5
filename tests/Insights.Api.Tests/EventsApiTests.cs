namespace Insights.Api.Tests;

using System.Net;
using System.Text.Json;
using Insights.Ingest;
using Insights.Sentiment;
using Insights.Stats;
using Microsoft.AspNetCore.Mvc;

[Collection(ApiCollection.Name)]
public sealed class EventsApiTests(ApiFixture fixture)
{
    private static string NewId() => Guid.NewGuid().ToString("N")[..16];

    private Task<HttpResponseMessage> Post(string json) => fixture.Client.PostAsync("/api/events", Json.Body(json));

    private async Task<VideoStats?> WaitForComments(string video, long comments)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            var response = await fixture.Client.GetAsync($"/api/videos/{video}");
            if (response.StatusCode == HttpStatusCode.OK)
            {
                var stats = await response.Read<VideoStats>();
                if (stats.Totals.Comments >= comments || DateTime.UtcNow > deadline)
                {
                    return stats;
                }
            }
            else if (DateTime.UtcNow > deadline)
            {
                return null;
            }

            await Task.Delay(100);
        }
    }

    [Fact]
    public async Task Accepted_events_show_up_in_the_video_stats()
    {
        var video = NewId();
        var now = Json.Now;
        var response = await Post($$"""
            [
              {"type":"video","id":"{{video}}","username":"chef_ana","create_time":{{now - 600}},"region_code":"US","video_description":"pasta #cooking","hashtag_names":["cooking"],"music_id":"77","duration":31},
              {"type":"engagement","video_id":"{{video}}","time":{{now - 60}},"view_count":2000,"like_count":150,"share_count":12},
              {"type":"comment","id":"{{NewId()}}","video_id":"{{video}}","text":"this looks amazing 😍","like_count":3,"reply_count":0,"create_time":{{now - 30}},"username":"fan1"},
              {"type":"comment","id":"{{NewId()}}","video_id":"{{video}}","text":"worst recipe ever, disgusting","create_time":{{now - 20}},"username":"hater"}
            ]
            """);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = await response.Read<IngestResponse>();
        Assert.Equal((4, 0, 0), (result.Accepted, result.Rejected, result.Retry));

        var stats = await WaitForComments(video, 2);
        Assert.NotNull(stats);
        Assert.Equal(new Totals { Views = 2000, Likes = 150, Shares = 12, Comments = 2 }, stats.Totals);
        Assert.Equal(Math.Round(164 / 2000.0, 4), stats.EngagementRate);
        Assert.Equal("chef_ana", stats.Video?.Username);
        Assert.Equal(1, stats.Sentiment.Positive);
        Assert.Equal(1, stats.Sentiment.Negative);
        Assert.Equal(["5m", "1h", "24h"], stats.Windows.Keys);
        Assert.Equal(2, stats.RecentComments.Count);
    }

    [Fact]
    public async Task Recent_comments_carry_their_identified_language()
    {
        var video = NewId();
        var now = Json.Now;
        var response = await Post($$"""
            [
              {"type":"comment","id":"{{NewId()}}","video_id":"{{video}}","text":"this looks amazing, I love it","create_time":{{now - 30}},"username":"fan1"},
              {"type":"comment","id":"{{NewId()}}","video_id":"{{video}}","text":"me encanta esta receta, gracias","create_time":{{now - 20}},"username":"fan2"},
              {"type":"comment","id":"{{NewId()}}","video_id":"{{video}}","text":"この動画めっちゃ好き！","create_time":{{now - 10}},"username":"fan3"}
            ]
            """);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var stats = await WaitForComments(video, 3);

        Assert.NotNull(stats);
        Assert.Equal(["other", "es", "en"], stats.RecentComments.Select(c => c.Language));
        Assert.Equal(SentimentLabel.Neutral, stats.RecentComments[0].Label);
    }

    [Fact]
    public async Task Bad_events_are_rejected_with_a_reason_and_good_neighbours_are_kept()
    {
        var video = NewId();
        var now = Json.Now;
        var response = await Post($$"""
            [
              {"type":"comment","id":"good1","video_id":"{{video}}","text":"love it","create_time":{{now}}},
              {"type":"tweet","id":"x"},
              {"type":"comment","id":"c2","video_id":"{{video}}","create_time":{{now}}},
              {"type":"comment","id":"c3","video_id":"{{video}}","text":"hi","create_time":"yesterday"},
              {"type":"engagement","video_id":"{{video}}","time":{{now}},"view_count":-5,"like_count":1,"share_count":1},
              {"type":"comment","id":"c5","video_id":"{{video}}","text":"from the future","create_time":{{now + 86400}}},
              {"type":"comment","id":"c6","video_id":"../{{video}}","text":"sneaky","create_time":{{now}}},
              {"type":"comment","id":"c7","video_id":"{{video}}","text":"{{new string('a', 2001)}}","create_time":{{now}}},
              42,
              {"type":"comment","id":"good2","video_id":"{{video}}","text":"so good","create_time":{{now}}}
            ]
            """);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = await response.Read<IngestResponse>();
        Assert.Equal(2, result.Accepted);
        Assert.Equal(8, result.Rejected);
        Assert.Equal(10, result.Items.Count);
        string Error(int i) => result.Items[i].Error!;
        Assert.Equal("accepted", result.Items[0].Status);
        Assert.Contains("unknown event type 'tweet'", Error(1));
        Assert.Equal("text: required", Error(2));
        Assert.Contains("create_time: must be an integer", Error(3));
        Assert.Contains("view_count: must not be negative", Error(4));
        Assert.Contains("in the future", Error(5));
        Assert.Contains("video_id: must be 1 to 64 characters", Error(6));
        Assert.Contains("text: longer than 2000 characters", Error(7));
        Assert.Contains("must be a JSON object", Error(8));
        Assert.Equal("accepted", result.Items[9].Status);

        var stats = await WaitForComments(video, 2);
        Assert.Equal(2, stats?.Totals.Comments);
    }

    [Theory]
    [InlineData("[{\"type\":\"comment\",", "Malformed JSON")]
    [InlineData("{\"type\":\"comment\"}", "Not a batch")]
    [InlineData("", "Malformed JSON")]
    public async Task A_body_that_is_not_a_json_array_is_a_400_problem(string body, string title)
    {
        var response = await Post(body);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(title, (await response.Read<ProblemDetails>()).Title);
    }

    [Fact]
    public async Task Deeply_nested_json_is_refused()
    {
        var body = "[" + new string('[', 100) + new string(']', 100) + "]";
        var response = await Post(body);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Read<ProblemDetails>();
        Assert.Equal("JSON nested too deep", problem.Title);
        Assert.Equal("Insights:Api:MaxJsonDepth", problem.Extensions["limit"]?.ToString());
    }

    [Fact]
    public async Task Limits_on_batch_length_and_body_size_answer_413_naming_the_limit()
    {
        await using var api = fixture.CreateApi(new Dictionary<string, string?>
        {
            ["Insights:Ingest:MaxBatchEvents"] = "3",
            ["Insights:Ingest:MaxBodyBytes"] = "2000",
        });
        using var client = ApiFixture.CreateClient(api);

        var tooMany = await client.PostAsync("/api/events", Json.Body("[{},{},{},{}]"));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooMany.StatusCode);
        var batchProblem = await tooMany.Read<ProblemDetails>();
        Assert.Contains("MaxBatchEvents", batchProblem.Detail);
        Assert.Equal("Insights:Ingest:MaxBatchEvents", batchProblem.Extensions["limit"]?.ToString());

        var tooBig = await client.PostAsync("/api/events", Json.Body("[" + JsonSerializer.Serialize(new string('x', 3000)) + "]"));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooBig.StatusCode);
        var bodyProblem = await tooBig.Read<ProblemDetails>();
        Assert.Contains("MaxBodyBytes", bodyProblem.Detail);
        Assert.Equal("Insights:Ingest:MaxBodyBytes", bodyProblem.Extensions["limit"]?.ToString());
    }

    [Fact]
    public async Task A_duplicate_comment_in_another_batch_counts_once()
    {
        var video = NewId();
        var now = Json.Now;
        var comment = $$"""{"type":"comment","id":"dup-1","video_id":"{{video}}","text":"again","create_time":{{now}}}""";
        await Post($"[{comment}]");
        await Post($"[{comment}, {comment.Replace("dup-1", "dup-2")}]");

        var stats = await WaitForComments(video, 2);
        Assert.Equal(2, stats?.Totals.Comments);
        await Task.Delay(300);
        stats = await WaitForComments(video, 2);
        Assert.Equal(2, stats?.Totals.Comments);
        Assert.Equal(1, stats?.Ingest.DuplicateComments);
    }
}
