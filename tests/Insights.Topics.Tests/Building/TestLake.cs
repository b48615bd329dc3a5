namespace Insights.Topics.Tests.Building;

using System.Globalization;
using Insights.Lake;
using Insights.Lake.Local;
using Insights.Lake.Records;
using Insights.Lake.Writing;

/// <summary>A lake in a temporary folder, with helpers that land processed comment files the way the writer names them.</summary>
internal sealed class TestLake : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "insights-topics-" + Guid.NewGuid().ToString("N"));
    private int _files;

    public TestLake() => Store = new LocalFolderLakeStore(_root);

    public ILakeStore Store { get; }

    public async Task<string> LandAsync(DateOnly date, int hour, params CommentRow[] comments)
    {
        var path = string.Create(CultureInfo.InvariantCulture, $"comments/date={date:yyyy-MM-dd}/hour={hour:D2}/part-{++_files:D4}.parquet");
        await Store.Zone(LakeZone.Processed).WriteAsync(path, await new ParquetFormat<CommentRow>().EncodeAsync(comments, default));
        return path;
    }

    public async Task<string> LandBytesAsync(DateOnly date, int hour, byte[] content)
    {
        var path = string.Create(CultureInfo.InvariantCulture, $"comments/date={date:yyyy-MM-dd}/hour={hour:D2}/part-{++_files:D4}.parquet");
        await Store.Zone(LakeZone.Processed).WriteAsync(path, content);
        return path;
    }

    public static CommentRow Comment(
        string id, string video, string text, string label = "neutral", double score = 0, double positive = 0.2, double negative = 0.2) => new()
        {
            CommentId = id,
            VideoId = video,
            Text = text,
            Username = "u" + id,
            SentimentLabel = label,
            SentimentScore = score,
            ProbabilityPositive = positive,
            ProbabilityNegative = negative,
            ProbabilityNeutral = 1 - positive - negative,
            Language = "en",
            Analyzer = "test",
            CreateTime = new DateTime(2026, 12, 1, 10, 0, 0, DateTimeKind.Utc),
            IngestedAt = new DateTime(2026, 12, 1, 10, 0, 0, DateTimeKind.Utc),
        };

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }
}
