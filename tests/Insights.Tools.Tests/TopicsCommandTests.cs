namespace Insights.Tools.Tests;

using System.Globalization;
using Insights.Generator;
using Insights.Lake;
using Insights.Lake.Local;
using Insights.Lake.Records;
using Insights.Lake.Writing;
using Insights.Topics.Building;
using Xunit.Abstractions;

/// <summary><c>insights topics</c> over a local lake holding a generated day of processed comments.</summary>
public sealed class TopicsCommandTests(ITestOutputHelper output) : IDisposable
{
    private static readonly DateOnly Day = new(2026, 11, 30);
    private readonly string _root = Path.Combine(Path.GetTempPath(), "insights-topics-cli-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    [Fact]
    public async Task Build_writes_the_days_topics_and_a_plain_run_prints_them_from_the_lake()
    {
        var lake = new LocalFolderLakeStore(_root);
        var generated = DatasetGenerator.Generate(new GeneratorOptions
        {
            Seed = 9, Creators = 6, Videos = 20, Comments = 1_000, Start = Day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc), Span = TimeSpan.FromHours(3),
        });
        var comments = generated.Comments.DistinctBy(c => c.Id).ToList();
        var rows = comments.Select(c => new CommentRow
        {
            CommentId = c.Id, VideoId = c.VideoId, Username = c.Username, Text = c.Text, CreateTime = c.CreateTime.UtcDateTime,
            IngestedAt = c.CreateTime.UtcDateTime, SentimentLabel = c.Label.ToString().ToLowerInvariant(),
            ProbabilityPositive = 0.5, ProbabilityNeutral = 0.3, ProbabilityNegative = 0.2, SentimentScore = 0.3, Language = "en", Analyzer = "test",
        }).ToList();
        await lake.Zone(LakeZone.Processed).WriteAsync(
            string.Create(CultureInfo.InvariantCulture, $"comments/date={Day:yyyy-MM-dd}/hour=01/part-1.parquet"), await new ParquetFormat<CommentRow>().EncodeAsync(rows, default));

        var before = await ToolRun.RunAsync("", "topics", "--date", "2026-11-30", "--lake-path", _root);
        Assert.Equal(0, before.Code);
        Assert.Contains("no topics for 2026-11-30", before.Output, StringComparison.Ordinal);

        var built = await ToolRun.RunAsync(250, "", "topics", "--date", "2026-11-30", "--build", "--lake-path", _root, "--limit", "5");
        output.WriteLine(built.Output);
        Assert.True(built.Code == 0, built.Error);
        Assert.Contains($"{comments.Count:N0} comments", built.Output, StringComparison.Ordinal);
        Assert.Contains("5 of ", built.Output, StringComparison.Ordinal);

        var stored = await new TopicsLake(lake).ReadDayAsync(Day);
        Assert.NotNull(stored);
        var printed = await ToolRun.RunAsync(250, "", "topics", "--date", "2026-11-30", "--lake-path", _root, "--limit", "100");
        Assert.Equal(0, printed.Code);
        Assert.Contains($"{stored.Topics.Count} of {stored.Topics.Count} topics", printed.Output, StringComparison.Ordinal);
        foreach (var topic in stored.Topics)
        {
            // Each topic's line: its label, its comment count and "new" (no day before in this lake).
            var line = printed.Output.Split('\n').Single(l => l.Contains(" " + topic.Label + " ", StringComparison.Ordinal));
            Assert.Contains(" " + topic.Comments.ToString("N0", CultureInfo.InvariantCulture) + " ", line, StringComparison.Ordinal);
            Assert.Contains("new", line, StringComparison.Ordinal);
            Assert.Contains(topic.SentimentScore.ToString("F1", CultureInfo.InvariantCulture), line, StringComparison.Ordinal);
        }
    }
}
