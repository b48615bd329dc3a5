namespace Insights.Api.Tests;

using System.Net;
using System.Text.Json.Nodes;
using Insights.Api.Apis;
using Insights.Api.Export;
using Insights.Api.Tests.Export;
using Insights.Series;
using Insights.Stats;
using Microsoft.AspNetCore.Mvc;

/// <summary>
/// <c>GET /api/videos/{id}/series</c>, <c>/series.csv</c> and <c>/comments.csv</c> against a real silo: live windows
/// from the grain with every bucket, warehouse ranges and comments through the loader grain, and the 400s and 404s.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class SeriesApiTests(ApiFixture fixture)
{
    private static readonly DateTimeOffset Origin = DateTimeOffset.UnixEpoch;

    [Fact]
    public async Task A_live_window_has_every_bucket_with_each_event_in_the_bucket_of_its_time()
    {
        var video = "series-" + Guid.NewGuid().ToString("N")[..10];
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        // The three comments of the busy minute start on a minute, so they never straddle two buckets.
        var busyMinute = (now - 1200) / 60 * 60;
        var events = new JsonArray
        {
            Engagement(video, now - 1800, 1000, 100, 10),
            Engagement(video, busyMinute, 1500, 130, 12),
            Engagement(video, now - 300, 1700, 150, 13),
            Comment(video, "c1", "I love this, amazing", busyMinute),
            Comment(video, "c2", "awful and boring, I hate it", busyMinute + 1),
            Comment(video, "c3", "ok", busyMinute + 2),
            Comment(video, "c4", "wonderful", now - 300),
        };
        await PostAsync(events);

        var series = await UntilAsync(
            async () => await (await fixture.Client.GetAsync($"/api/videos/{video}/series?window=1h")).Read<VideoSeries>(),
            s => s.Buckets.Sum(b => b.Comments) == 4 && s.Buckets.Sum(b => b.Views) == 700);

        Assert.Equal((WindowNames.OneHour, SeriesSources.Grain, 60, 60), (series.Window, series.Source, series.BucketSeconds, series.Buckets.Count));
        Assert.Equal(series.Buckets[0].Start, series.From);
        Assert.All(series.Buckets.Zip(series.Buckets.Skip(1)), p => Assert.Equal(TimeSpan.FromMinutes(1), p.Second.Start - p.First.Start));
        var busy = series.Buckets.Single(b => b.Start == Minute(busyMinute));
        Assert.Equal((3L, 500L, 30L, 2L), (busy.Comments, busy.Views, busy.Likes, busy.Shares));
        Assert.Equal(3, busy.Sentiment.Positive + busy.Sentiment.Neutral + busy.Sentiment.Negative);
        Assert.True(busy.Sentiment.Positive >= 1 && busy.Sentiment.Negative >= 1, $"{busy.Sentiment}");
        Assert.Equal(Math.Round((30 + 3 + 2) / 500.0, 4), busy.EngagementRate);
        Assert.Equal(1, series.Buckets.Single(b => b.Start == Minute(now - 300)).Comments);

        var json = JsonNode.Parse(await fixture.Client.GetStringAsync($"/api/videos/{video}/series"))!;
        Assert.Equal("1h", json["window"]!.GetValue<string>());
        var bucket = json["buckets"]![0]!;
        foreach (var field in new[] { "start", "comments", "views", "likes", "shares", "engagementRate" })
        {
            Assert.NotNull(bucket[field]);
        }

        foreach (var field in new[] { "positive", "neutral", "negative", "score" })
        {
            Assert.NotNull(bucket["sentiment"]![field]);
        }

        var day = await (await fixture.Client.GetAsync($"/api/videos/{video}/series?window=24h")).Read<VideoSeries>();
        Assert.Equal((900, 96, 4L), (day.BucketSeconds, day.Buckets.Count, day.Buckets.Sum(b => b.Comments)));
        var five = await fixture.Client.GetAsync($"/api/videos/{video}/series?window=5m");
        Assert.Equal("grain", five.Headers.GetValues(SeriesApi.SourceHeader).Single());
        Assert.Equal(30, (await five.Read<VideoSeries>()).Buckets.Count);
    }

    [Fact]
    public async Task The_series_csv_is_an_attachment_with_one_line_per_bucket_equal_to_the_json()
    {
        var video = "series-csv-" + Guid.NewGuid().ToString("N")[..10];
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        await PostAsync([Comment(video, "c1", "great", now - 600), Comment(video, "c2", "bad", now - 540)]);
        var series = await UntilAsync(
            async () => await (await fixture.Client.GetAsync($"/api/videos/{video}/series?window=1h")).Read<VideoSeries>(),
            s => s.Buckets.Sum(b => b.Comments) == 2);

        var response = await fixture.Client.GetAsync($"/api/videos/{video}/series.csv?window=1h");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal($"video-{video}-series-1h.csv", response.Content.Headers.ContentDisposition.FileNameStar ?? response.Content.Headers.ContentDisposition.FileName);
        var records = Rfc4180.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(SeriesCsv.Columns, records[0]);
        Assert.Equal(61, records.Count);
        var byStart = series.Buckets.ToDictionary(b => b.Start);
        var rows = records.Skip(1).Select(r => (Start: DateTimeOffset.Parse(r[0], System.Globalization.CultureInfo.InvariantCulture), Comments: long.Parse(r[1], System.Globalization.CultureInfo.InvariantCulture))).ToList();
        Assert.Equal(2, rows.Sum(r => r.Comments));
        Assert.Equal(series.Buckets.Where(b => b.Comments > 0).Select(b => (b.Start, b.Comments)), rows.Where(r => r.Comments > 0));
        Assert.All(rows.Take(50), r => Assert.True(byStart.ContainsKey(r.Start), $"{r.Start} is not a bucket of the json"));
    }

    [Fact]
    public async Task Comments_csv_and_warehouse_ranges_come_from_the_warehouse_with_every_comment_quoted_and_guarded()
    {
        var video = "export-" + Guid.NewGuid().ToString("N")[..10];
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        (string Id, string User, string Text)[] comments =
        [
            ("x1", "fan_1", "=HYPERLINK(\"http://evil.example\",\"click\")"),
            ("x2", "=cmd|' /C calc'!A0", "+1 great video"),
            ("x3", "fan_3", "-1 terrible, I hate it"),
            ("x4", "@admin", "@everyone look at this"),
            ("x5", "fan_5", "a, b and \"c\" are amazing"),
            ("x6", "fan_6", "plain and nice 😍"),
        ];
        await PostAsync(new JsonArray(comments.Select((c, i) => (JsonNode)Comment(video, c.Id, c.Text, now - 600 + i, c.User)).ToArray()));

        List<List<string>> records = [];
        HttpResponseMessage response = null!;
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (records.Count != comments.Length + 1)
        {
            Assert.True(DateTime.UtcNow < deadline, $"the warehouse never held the {comments.Length} comments; last CSV had {records.Count - 1}");
            await Task.Delay(500);
            Assert.Equal(HttpStatusCode.OK, (await fixture.Client.PostAsync("/api/warehouse/load", null)).StatusCode);
            response = await fixture.Client.GetAsync($"/api/videos/{video}/comments.csv");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            records = Rfc4180.Parse(await response.Content.ReadAsStringAsync());
        }

        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("warehouse", response.Headers.GetValues(SeriesApi.SourceHeader).Single());
        Assert.Equal(CommentsCsv.Columns, records[0]);
        var stats = await (await fixture.Client.GetAsync($"/api/videos/{video}")).Read<VideoStats>();
        var column = CommentsCsv.Columns.Select((name, i) => (name, i)).ToDictionary(x => x.name, x => x.i);
        foreach (var (c, row) in comments.Zip(records.Skip(1)))
        {
            Assert.Equal(c.Id, row[column["comment_id"]]);
            Assert.Equal(CsvWriter.Guard(c.Text), row[column["text"]]);
            Assert.Equal(CsvWriter.Guard(c.User), row[column["username"]]);
            var live = stats.RecentComments.Single(r => r.CommentId == c.Id);
            Assert.Equal(live.Label.ToString().ToLowerInvariant(), row[column["sentiment_label"]]);
            Assert.Equal(live.Score, double.Parse(row[column["sentiment_score"]], System.Globalization.CultureInfo.InvariantCulture), 4);
            Assert.Equal(live.Language, row[column["language"]]);
        }

        Assert.StartsWith("'=", records[1][column["text"]], StringComparison.Ordinal);
        Assert.Equal("'-1 terrible, I hate it", records[3][column["text"]]);

        var from = Uri.EscapeDataString(DateTimeOffset.FromUnixTimeSeconds(now - 3 * 3600).ToString("O"));
        var to = Uri.EscapeDataString(DateTimeOffset.FromUnixTimeSeconds(now + 3600).ToString("O"));
        var hourly = await fixture.Client.GetAsync($"/api/videos/{video}/series?from={from}&to={to}&grain=hour");
        Assert.Equal(HttpStatusCode.OK, hourly.StatusCode);
        var hours = await hourly.Read<VideoSeries>();
        Assert.Equal((SeriesGrains.Hour, SeriesSources.Warehouse, 3600), (hours.Window, hours.Source, hours.BucketSeconds));
        Assert.InRange(hours.Buckets.Count, 4, 5);
        Assert.Equal(comments.Length, hours.Buckets.Sum(b => b.Comments));
        var days = await (await fixture.Client.GetAsync($"/api/videos/{video}/series?from={from}&to={to}&grain=day")).Read<VideoSeries>();
        Assert.Equal(comments.Length, days.Buckets.Sum(b => b.Comments));
        var csv = Rfc4180.Parse(await fixture.Client.GetStringAsync($"/api/videos/{video}/series.csv?from={from}&to={to}&grain=hour"));
        Assert.Equal(hours.Buckets.Count + 1, csv.Count);
    }

    [Theory]
    [InlineData("window=7d", "Invalid 'window'")]
    [InlineData("window=1h&from=2026-11-01T00:00:00Z", "Conflicting parameters")]
    [InlineData("from=yesterday", "Invalid 'from'")]
    [InlineData("from=2026-11-01T00:00:00Z&to=soon", "Invalid 'to'")]
    [InlineData("to=2026-11-01T00:00:00Z", "Missing 'from'")]
    [InlineData("from=2026-11-02T00:00:00Z&to=2026-11-01T00:00:00Z", "Invalid range")]
    [InlineData("from=2026-11-01T00:00:00Z&to=2026-11-01T00:00:00Z", "Invalid range")]
    [InlineData("from=2026-01-01T00:00:00Z&to=2026-03-01T00:00:00Z&grain=hour", "Range too long")]
    [InlineData("from=2024-01-01T00:00:00Z&to=2026-03-01T00:00:00Z&grain=day", "Range too long")]
    [InlineData("from=2026-11-01T00:00:00Z&grain=week", "Invalid 'grain'")]
    public async Task Bad_parameters_are_400_problems_naming_the_parameter(string query, string title)
    {
        foreach (var path in new[] { "series", "series.csv" })
        {
            var response = await fixture.Client.GetAsync($"/api/videos/7300000000000000001/{path}?{query}");
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
            Assert.Equal(title, (await response.Read<ProblemDetails>()).Title);
        }
    }

    [Theory]
    [InlineData("series?window=1h")]
    [InlineData("series?from=2026-11-01T00:00:00Z&to=2026-11-03T00:00:00Z&grain=hour")]
    [InlineData("series.csv")]
    [InlineData("comments.csv")]
    public async Task An_unknown_video_is_404_and_an_invalid_id_400(string path)
    {
        var unknown = await fixture.Client.GetAsync($"/api/videos/never-seen-{Guid.NewGuid():N}/{path}");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("Unknown video", (await unknown.Read<ProblemDetails>()).Title);
        Assert.Equal(HttpStatusCode.BadRequest, (await fixture.Client.GetAsync($"/api/videos/bad%20id/{path}")).StatusCode);
    }

    [Fact]
    public async Task The_openapi_document_describes_the_series_and_export_endpoints()
    {
        var doc = JsonNode.Parse(await fixture.Client.GetStringAsync("/openapi/v1.json"))!;
        var paths = doc["paths"]!;
        var series = paths["/api/videos/{id}/series"]!["get"]!;
        Assert.Equal("GetVideoSeries", series["operationId"]!.GetValue<string>());
        Assert.Equal(
            new[] { "from", "grain", "id", "to", "window" },
            series["parameters"]!.AsArray().Select(p => p!["name"]!.GetValue<string>()).Order());
        Assert.NotNull(series["responses"]!["200"]!["content"]!["application/json"]);
        Assert.NotNull(series["responses"]!["400"]);
        Assert.NotNull(series["responses"]!["404"]);
        Assert.NotNull(paths["/api/videos/{id}/series.csv"]!["get"]!["responses"]!["200"]!["content"]!["text/csv"]);
        Assert.NotNull(paths["/api/videos/{id}/comments.csv"]!["get"]!["responses"]!["200"]!["content"]!["text/csv"]);
    }

    private static DateTimeOffset Minute(long unixSeconds) => Origin.AddSeconds(unixSeconds - unixSeconds % 60);

    private async Task PostAsync(JsonArray events)
    {
        var response = await fixture.Client.PostAsync("/api/events", Json.Body(events.ToJsonString()));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK && JsonNode.Parse(body)!["accepted"]!.GetValue<int>() == events.Count, body);
    }

    private static async Task<T> UntilAsync<T>(Func<Task<T>> read, Func<T, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        T value;
        while (!done(value = await read()))
        {
            Assert.True(DateTime.UtcNow < deadline, $"timed out; last: {value}");
            await Task.Delay(200);
        }

        return value;
    }

    private static JsonObject Comment(string video, string id, string text, long at, string? user = null) => new()
    {
        ["type"] = "comment", ["id"] = id, ["video_id"] = video, ["text"] = text, ["create_time"] = at, ["username"] = user ?? "fan_" + id,
    };

    private static JsonObject Engagement(string video, long at, long views, long likes, long shares) => new()
    {
        ["type"] = "engagement", ["video_id"] = video, ["time"] = at, ["view_count"] = views, ["like_count"] = likes, ["share_count"] = shares,
    };
}
