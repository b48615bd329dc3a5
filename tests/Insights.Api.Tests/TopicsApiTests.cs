namespace Insights.Api.Tests;

using System.Globalization;
using System.Net;
using System.Text.Json;
using Insights.Generator;
using Insights.Lake;
using Insights.Lake.Zones;
using Insights.Topics;
using Insights.Topics.Building;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;
using static Insights.Api.Tests.Security.SecurityTestSupport;

/// <summary>
/// The topics endpoints on their own cluster and lake (other tests' comments would land in the same day): a
/// generated day sent through <c>POST /api/events</c>, built on demand and read back.
/// </summary>
public sealed class TopicsApiTests(ApiFixture fixture, ITestOutputHelper output) : IClassFixture<ApiFixture>
{
    private static string Today => DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Fact]
    public async Task Bad_dates_limits_and_ids_are_400_problems_and_each_endpoint_demands_its_scope()
    {
        using var client = fixture.Factory.CreateClient();
        var tomorrow = DateTime.UtcNow.AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        foreach (var path in new[] { "/api/topics?date=2026-13-01", "/api/topics?date=yesterday", $"/api/topics?date={tomorrow}", "/api/topics?limit=0", "/api/videos/bad.id/topics", $"/api/videos/v1/topics?date={tomorrow}" })
        {
            var problem = await ProblemAsync(await GetAsync(client, path, ApiFixture.ReadKey), HttpStatusCode.BadRequest);
            Assert.StartsWith("Invalid", problem.Title);
        }

        await ProblemAsync(await SendAsync(client, HttpMethod.Post, $"/api/topics/build?date={tomorrow}", ApiFixture.IngestKey), HttpStatusCode.BadRequest);
        await ProblemAsync(await SendAsync(client, HttpMethod.Post, "/api/topics/build", ApiFixture.ReadKey), HttpStatusCode.Forbidden);
        await ProblemAsync(await GetAsync(client, "/api/topics", ApiFixture.IngestKey), HttpStatusCode.Forbidden);
        await ProblemAsync(await GetAsync(client, "/api/videos/v1/topics", ApiFixture.IngestKey), HttpStatusCode.Forbidden);
        await ProblemAsync(await GetAsync(client, "/api/topics"), HttpStatusCode.Unauthorized);

        // A day without a build: an empty answer, not an error.
        var empty = await GetAsync(client, "/api/topics?date=2020-01-01", ApiFixture.ReadKey);
        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        var day = await empty.Read<DayTopics>();
        Assert.Equal((new DateOnly(2020, 1, 1), null, 0), (day.Date, day.BuiltAt, day.Topics.Count));
    }

    [Fact]
    public async Task Comments_sent_through_the_api_become_the_days_topics_and_each_videos()
    {
        var dataset = DatasetGenerator.Generate(new GeneratorOptions
        {
            Seed = 31, Creators = 8, Videos = 25, Comments = 1_500, Start = DateTimeOffset.UtcNow.AddMinutes(-50), Span = TimeSpan.FromMinutes(45),
        });
        var sink = new HttpEventSink(fixture.Client, new HttpEventSinkOptions { BatchSize = 500 });
        var run = await new GeneratorRunner(sink, TimeProvider.System, new RunnerOptions { Live = false }).RunAsync(dataset);
        Assert.Equal(RunOutcome.Completed, run.Outcome);
        var posted = run.Truth.Totals.DistinctComments;

        // Writers flush on age (1 s here): wait until the day's comments are all in the processed zone.
        var lake = fixture.SiloServices.GetRequiredService<ILakeStore>();
        var reader = new LakeReader(lake);
        var deadline = DateTime.UtcNow.AddSeconds(60);
        int landed;
        while ((landed = (await reader.ReadCommentsAsync()).Count) < posted && DateTime.UtcNow < deadline)
        {
            await Task.Delay(500);
        }

        Assert.Equal(posted, landed);

        var build = await fixture.Client.PostAsync($"/api/topics/build?date={Today}", null);
        Assert.Equal(HttpStatusCode.OK, build.StatusCode);
        var report = await build.Read<TopicBuildReport>();
        output.WriteLine($"posted {posted}; build: {report.Files} files, {report.Comments} comments, {report.Assigned} assigned, {report.Topics} topics, {report.DurationSeconds} s, {report.Model}");
        Assert.Equal(("api", false, (long)posted), (report.Trigger, report.Unchanged, report.Comments));
        Assert.InRange(report.Topics, 2, 20);

        var all = await (await fixture.Client.GetAsync($"/api/topics?date={Today}&limit=1000")).Read<DayTopics>();
        Assert.Equal(((long)posted, report.Topics), (all.Comments, all.Topics.Count));
        Assert.InRange(all.Topics.Sum(t => t.Comments), 1, posted);
        Assert.Equal(report.Assigned, all.Topics.Sum(t => t.Comments));
        foreach (var topic in all.Topics.Take(5))
        {
            output.WriteLine($"  {topic.Id} {topic.Comments,5} {topic.Videos,3} videos  score {topic.Sentiment.Score,7}  {topic.Label}");
        }

        var top = await fixture.Client.GetAsync("/api/topics");
        using (var json = JsonDocument.Parse(await top.Content.ReadAsStringAsync()))
        {
            var root = json.RootElement;
            Assert.Equal(Today, root.GetProperty("date").GetString());
            Assert.Equal(JsonValueKind.String, root.GetProperty("builtAt").ValueKind);
            var topics = root.GetProperty("topics");
            Assert.Equal(Math.Min(10, report.Topics), topics.GetArrayLength());
            var first = topics[0];
            foreach (var name in new[] { "id", "label", "terms", "comments", "videos", "sentiment", "change", "previousComments" })
            {
                Assert.True(first.TryGetProperty(name, out _), $"topic has no '{name}'");
            }

            foreach (var name in new[] { "positive", "neutral", "negative", "meanScore", "score" })
            {
                Assert.True(first.GetProperty("sentiment").TryGetProperty(name, out _), $"sentiment has no '{name}'");
            }

            Assert.True(first.GetProperty("terms")[0].TryGetProperty("weight", out _));
        }

        // A video's topics: its own comments per topic, as the day's assignments in the lake count them.
        var assignments = await new TopicsLake(lake).ReadCommentTopicsAsync(DateOnly.FromDateTime(DateTime.UtcNow));
        var video = assignments.GroupBy(a => a.VideoId).MaxBy(g => g.Count())!;
        var videoTopics = await (await fixture.Client.GetAsync($"/api/videos/{video.Key}/topics?date={Today}")).Read<VideoTopics>();
        Assert.Equal(video.Key, videoTopics.VideoId);
        Assert.Equal(
            video.GroupBy(a => a.TopicId).Select(g => (g.Key, (long)g.Count())).OrderBy(p => p.Key, StringComparer.Ordinal),
            videoTopics.Topics.Select(t => (t.Id, t.Comments)).OrderBy(p => p.Id, StringComparer.Ordinal));
        Assert.All(videoTopics.Topics, t => Assert.Contains(all.Topics, d => d.Id == t.Id && d.Label == t.Label));

        var again = await (await fixture.Client.PostAsync("/api/topics/build", null)).Read<TopicBuildReport>();
        Assert.True(again.Unchanged);
        Assert.Equal((long)posted, again.Comments);
    }
}
