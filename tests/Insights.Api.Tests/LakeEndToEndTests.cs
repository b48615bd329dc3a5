namespace Insights.Api.Tests;

using System.Net;
using Insights.Generator;
using Insights.Ingest;
using Insights.Lake;
using Insights.Lake.Zones;
using Insights.Stats;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

/// <summary>After a generator run, the three zones of the lake agree with what the API accepted and answers.</summary>
public abstract class LakeEndToEndTests<TFixture>(TFixture fixture, ITestOutputHelper output) : IClassFixture<TFixture>
    where TFixture : ApiFixture
{
    [Fact]
    public async Task The_zones_hold_every_accepted_event_the_enriched_comments_the_snapshots_and_the_quarantine()
    {
        var dataset = DatasetGenerator.Generate(new GeneratorOptions
        {
            Seed = 77,
            Creators = 8,
            Videos = 25,
            Comments = 1_500,
            Start = DateTimeOffset.UtcNow.AddHours(-2),
            Span = TimeSpan.FromMinutes(110),
        });
        var sink = new HttpEventSink(fixture.Client, new HttpEventSinkOptions { BatchSize = 400 });
        var report = await new GeneratorRunner(sink, TimeProvider.System, new RunnerOptions { Live = false }).RunAsync(dataset);
        Assert.Equal(RunOutcome.Completed, report.Outcome);

        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var video = report.Truth.Videos[0].VideoId;
        var mixed = await (await fixture.Client.PostAsync("/api/events", Json.Body($$"""
            [
              {"type":"comment","id":"lake-good","video_id":"{{video}}","text":"  Café \n was\tgreat  ","create_time":{{now}}},
              {"type":"poll","id":"x"},
              {"type":"comment","id":"lake-bad","video_id":"{{video}}","create_time":{{now}}},
              {"type":"engagement","video_id":"{{video}}","time":{{now}},"view_count":-1,"like_count":0,"share_count":0}
            ]
            """))).Read<IngestResponse>();
        Assert.Equal((1, 3), (mixed.Accepted, mixed.Rejected));
        var malformed = await fixture.Client.PostAsync("/api/events", Json.Body("[{\"type\":"));
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);

        var accepted = report.Accepted + mixed.Accepted;
        var distinctComments = report.Truth.Totals.DistinctComments + 1;
        var reader = new LakeReader(fixture.SiloServices.GetRequiredService<ILakeStore>());

        // Writers flush on age (1 s here), so poll until the lake has caught up or time runs out.
        var deadline = DateTime.UtcNow.AddSeconds(60);
        List<Lake.Records.RawEventRecord> raw;
        List<Lake.Records.CommentRow> comments;
        List<Lake.Records.QuarantineRecord> quarantine;
        do
        {
            await Task.Delay(500);
            raw = await ToListAsync(reader.ReadRawAsync());
            comments = await reader.ReadCommentsAsync();
            quarantine = await reader.ReadQuarantineAsync();
        }
        while ((raw.Count < accepted || comments.Count < distinctComments || quarantine.Count < 4) && DateTime.UtcNow < deadline);

        output.WriteLine($"raw {raw.Count}, comments {comments.Count}, quarantine {quarantine.Count}, accepted {accepted}");

        // Raw: every accepted event, exactly as received, once.
        Assert.Equal(accepted, raw.Count);
        Assert.Equal(accepted, raw.Select(r => (r.BatchId, r.Index)).Distinct().Count());
        Assert.Contains(raw, r => r.Event.Text.Contains("\"  Café \\n was\\tgreat  \"", StringComparison.Ordinal));
        Assert.Equal(report.Truth.Totals.CommentEvents + 1, raw.Count(r => r.Type == "comment"));

        // Processed comments: deduplicated, cleaned, enriched, and equal to the ground truth per video.
        Assert.Equal(distinctComments, comments.Count);
        Assert.Equal(comments.Count, comments.Select(c => c.CommentId).Distinct().Count());
        Assert.All(comments, c =>
        {
            Assert.Contains(c.SentimentLabel, new[] { "positive", "neutral", "negative" });
            Assert.False(string.IsNullOrEmpty(c.Analyzer));
            Assert.InRange(c.ProbabilityPositive + c.ProbabilityNeutral + c.ProbabilityNegative, 0.999, 1.001);
        });
        Assert.Equal("Café was great", comments.Single(c => c.CommentId == "lake-good").Text);
        Assert.Equal("en", comments.Single(c => c.CommentId == "lake-good").Language);
        foreach (var truth in report.Truth.Videos)
        {
            var expected = truth.Comments + (truth.VideoId == video ? 1 : 0);
            Assert.Equal(expected, comments.Count(c => c.VideoId == truth.VideoId));
        }

        // Row by row: every generated comment is there once, as generated.
        var byId = comments.ToDictionary(c => c.CommentId);
        foreach (var generated in dataset.Comments)
        {
            Assert.True(byId.TryGetValue(generated.Id, out var row), $"comment {generated.Id} missing from the processed zone");
            Assert.Equal(
                (generated.VideoId, generated.ParentCommentId, generated.Username, Clean(generated.Text), generated.CreateTime.UtcDateTime),
                (row.VideoId, row.ParentCommentId, row.Username, row.Text, row.CreateTime));
        }

        // Quarantine: every rejected event and the malformed body, each with its reason.
        var rejectedIds = mixed.Items.Where(i => i.Status == "rejected").Select(i => i.QuarantineId!).ToHashSet();
        Assert.Subset(quarantine.Select(q => q.QuarantineId).ToHashSet(), rejectedIds);
        Assert.All(quarantine, q => Assert.False(string.IsNullOrWhiteSpace(q.Reason)));
        Assert.Contains(quarantine, q => q.PayloadText == "[{\"type\":" && q.Reason.Contains("not valid JSON"));
        Assert.Contains(quarantine, q => q.Payload?.Text.Contains("\"poll\"") == true && q.Reason.Contains("unknown event type"));

        // Snapshots: a series for every video whose last snapshot equals the live answer.
        var mismatches = new List<string>();
        deadline = DateTime.UtcNow.AddSeconds(60);
        foreach (var truth in report.Truth.Videos)
        {
            string? problem;
            do
            {
                var stats = await (await fixture.Client.GetAsync($"/api/videos/{truth.VideoId}")).Read<VideoStats>();
                var last = (await reader.ReadSnapshotsAsync()).Where(s => s.VideoId == truth.VideoId).MaxBy(s => s.Version);
                problem = last is null ? "no snapshot"
                    : (last.Views, last.Likes, last.Shares, last.Comments, last.EngagementRate, last.Positive, last.Neutral, last.Negative, last.SentimentScore)
                      != (stats.Totals.Views, stats.Totals.Likes, stats.Totals.Shares, stats.Totals.Comments, stats.EngagementRate,
                          stats.Sentiment.Positive, stats.Sentiment.Neutral, stats.Sentiment.Negative, stats.Sentiment.Score)
                        ? $"last snapshot {last.Comments} comments/{last.Views} views, live {stats.Totals.Comments}/{stats.Totals.Views}"
                        : null;
                if (problem is not null)
                {
                    await Task.Delay(500);
                }
            }
            while (problem is not null && DateTime.UtcNow < deadline);

            if (problem is not null)
            {
                mismatches.Add($"{truth.VideoId}: {problem}");
            }
        }

        Assert.Empty(mismatches);

        // Dimensions: a row per video that had metadata.
        var dims = fixture.SiloServices.GetRequiredService<DimensionTables>();
        var videosWithMetadata = dataset.Events.Where(e => e.Event.Type == "video").Select(e => e.Event.Id).ToHashSet();
        IList<Lake.Records.VideoDimRow> dimRows;
        deadline = DateTime.UtcNow.AddSeconds(30);
        do
        {
            await Task.Delay(300);
            dimRows = await dims.ReadVideosAsync();
        }
        while (dimRows.Count < videosWithMetadata.Count && DateTime.UtcNow < deadline);

        Assert.Equal(videosWithMetadata.OrderBy(x => x), dimRows.Select(d => d.VideoId).OrderBy(x => x));
        Assert.NotEmpty(await dims.ReadCreatorsAsync());
    }

    private static string Clean(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static async Task<List<T>> ToListAsync<T>(IAsyncEnumerable<T> items)
    {
        var list = new List<T>();
        await foreach (var item in items)
        {
            list.Add(item);
        }

        return list;
    }
}

public sealed class LocalFolderLakeEndToEndTests(ApiFixture fixture, ITestOutputHelper output)
    : LakeEndToEndTests<ApiFixture>(fixture, output);

public sealed class AzureBlobLakeEndToEndTests(AzureBlobApiFixture fixture, ITestOutputHelper output)
    : LakeEndToEndTests<AzureBlobApiFixture>(fixture, output);
