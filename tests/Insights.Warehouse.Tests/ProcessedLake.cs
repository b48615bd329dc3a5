namespace Insights.Warehouse.Tests;

using Insights.Generator;
using Insights.Grains.Domain;
using Insights.Lake;
using Insights.Lake.Local;
using Insights.Lake.Records;
using Insights.Lake.Zones;
using Insights.Sentiment;
using Insights.Sentiment.Language;
using Insights.Tools.Replay;

/// <summary>
/// A processed zone built once per test run the way production builds it: a generated dataset landed in the raw
/// zone as the API lands it, replayed into processed Parquet (<see cref="ReplayJob"/>), plus the dimension tables.
/// Tests work on copies (<see cref="CopyAsync"/>), so each can rewrite and delete files freely.
/// </summary>
public sealed class ProcessedLake
{
    /// <summary>The data spans midnight, so there are two days and 5 hours.</summary>
    public static readonly DateTimeOffset Start = new(2026, 11, 23, 21, 30, 0, TimeSpan.Zero);

    public static readonly DateTimeOffset End = Start.AddHours(4);

    private static readonly Lazy<Task<ProcessedLake>> SharedLake = new(CreateAsync);

    private ProcessedLake(string root, GeneratedDataset dataset)
    {
        Root = root;
        Dataset = dataset;
    }

    public static Task<ProcessedLake> Shared => SharedLake.Value;

    public string Root { get; }

    public GeneratedDataset Dataset { get; }

    public List<CommentRow> Comments { get; private set; } = [];

    public List<VideoSnapshotRow> Snapshots { get; private set; } = [];

    public List<VideoDimRow> Videos { get; private set; } = [];

    public List<CreatorDimRow> Creators { get; private set; } = [];

    /// <summary>Parquet files of the processed zone (comments, snapshots, two dimensions).</summary>
    public List<string> Files { get; private set; } = [];

    private static async Task<ProcessedLake> CreateAsync()
    {
        var root = TempFolder.Create("insights-warehouse-lake");
        AppDomain.CurrentDomain.ProcessExit += (_, _) => TempFolder.Delete(root);
        var dataset = DatasetGenerator.Generate(new GeneratorOptions
        {
            Seed = 11, Creators = 8, Videos = 24, Comments = 4_000, Start = Start, Span = TimeSpan.FromHours(4),
        });
        var lake = new LocalFolderLakeStore(root);
        await Insights.Testing.RawZoneLanding.LandAsync(lake, dataset);
        await ReplayAsync(lake, Start.AddDays(-1), End.AddHours(1));

        var videos = dataset.Videos.Select(v => new VideoDimRow
        {
            VideoId = v.Id,
            Username = v.Username,
            CreateTime = v.CreateTime.UtcDateTime,
            RegionCode = v.RegionCode,
            VideoDescription = v.Description,
            HashtagNames = string.Join(',', v.Hashtags),
            MusicId = v.MusicId,
            Duration = v.DurationSeconds,
            UpdatedAt = v.CreateTime.UtcDateTime,
        }).OrderBy(v => v.VideoId, StringComparer.Ordinal).ToList();
        var creators = videos.GroupBy(v => v.Username, StringComparer.Ordinal).Select(g => new CreatorDimRow
        {
            Username = g.Key,
            VideoCount = g.Count(),
            FirstVideoTime = g.Min(v => v.CreateTime),
            LastVideoTime = g.Max(v => v.CreateTime),
            UpdatedAt = g.Max(v => v.UpdatedAt),
        }).OrderBy(c => c.Username, StringComparer.Ordinal).ToList();
        await new DimensionTables(lake).WriteAsync(videos, creators);

        var result = new ProcessedLake(root, dataset);
        await result.RefreshAsync();
        return result;
    }

    /// <summary>Rebuilds processed comments and snapshots of the ingest hours [from, to) from the raw zone, as <c>insights replay</c> does.</summary>
    public static Task<ReplayJob.Result> ReplayAsync(ILakeStore lake, DateTimeOffset from, DateTimeOffset to) =>
        new ReplayJob(lake, new LanguageAwareSentimentAnalyzer(new LexiconSentimentAnalyzer(), new LanguageIdentifier()), new VideoOptions()).RunAsync(from, to);

    private async Task RefreshAsync()
    {
        var lake = new LocalFolderLakeStore(Root);
        var reader = new LakeReader(lake);
        Comments = await reader.ReadCommentsAsync();
        Snapshots = await reader.ReadSnapshotsAsync();
        var dims = new DimensionTables(lake);
        Videos = [.. await dims.ReadVideosAsync()];
        Creators = [.. await dims.ReadCreatorsAsync()];
        Files = [];
        await foreach (var f in lake.Zone(LakeZone.Processed).ListAsync(""))
        {
            if (f.Path.EndsWith(".parquet", StringComparison.Ordinal))
            {
                Files.Add(f.Path);
            }
        }
    }

    /// <summary>A private copy of the lake (raw and processed) for one test, in a folder named from <paramref name="prefix"/>; deleted on dispose.</summary>
    public WorkLake Copy(string prefix = "insights-warehouse-work")
    {
        var target = TempFolder.Create(prefix);
        foreach (var file in Directory.EnumerateFiles(Root, "*", SearchOption.AllDirectories))
        {
            var destination = Path.Combine(target, Path.GetRelativePath(Root, file));
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination);
        }

        return new WorkLake(target);
    }
}

/// <summary>A test's own lake folder and warehouse file.</summary>
public sealed class WorkLake(string root) : IDisposable
{
    public string Root { get; } = root;

    public LocalFolderLakeStore Lake { get; } = new(root);

    public IBlobStore Processed => Lake.Zone(LakeZone.Processed);

    public string DuckDbPath => Path.Combine(Root, "warehouse", "insights.duckdb");

    public void Dispose() => TempFolder.Delete(Root);
}

public static class TempFolder
{
    public static string Create(string prefix)
    {
        var path = Path.Combine(Path.GetTempPath(), $"{prefix}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(path);
        return path;
    }

    public static void Delete(string path)
    {
        try
        {
            Directory.Delete(path, recursive: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
        }
    }
}
