namespace Insights.Benchmarks.Cli;

using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

/// <summary>
/// The options of <c>insights-benchmark</c>: which sections run, and the sizes of the workload the pipeline sections
/// share. Unset sizes keep <see cref="BenchmarkOptions"/>' defaults.
/// </summary>
public sealed class BenchmarkSettings : CommandSettings
{
    [CommandOption("--comments <N>")]
    [Description("Distinct comments (default 1000000)")]
    public int? Comments { get; set; }

    [CommandOption("--videos <N>")]
    [Description("Videos (default 1000)")]
    public int? Videos { get; set; }

    [CommandOption("--seed <N>")]
    [Description("Generator seed (default 7)")]
    public int? Seed { get; set; }

    [CommandOption("--request-size <N>")]
    [Description("Events per JSON batch, as one ingest request would carry (default 500)")]
    public int? RequestSize { get; set; }

    [CommandOption("--publish-batch <N>")]
    [Description("Events per stream publish per video (default 50)")]
    public int? PublishBatch { get; set; }

    [CommandOption("--producers <N>")]
    [Description("Parallel producers (default: processor count)")]
    public int? Producers { get; set; }

    [CommandOption("--lake-rows <N>")]
    [Description("Rows pushed through each lake writer (default 200000)")]
    public int? LakeRows { get; set; }

    [CommandOption("--active-videos <N>")]
    [Description("Video grains the memory section activates on one silo (default 1000000)")]
    public int? ActiveVideos { get; set; }

    [CommandOption("--all")]
    [Description("Every section below, one after the other (about 15 minutes)")]
    public bool All { get; set; }

    [CommandOption("--pipeline")]
    [Description("Comments through the real pipeline on memory streams against the same-work loops, freshness, memory, lake writers (the default when no section is given)")]
    public bool Pipeline { get; set; }

    [CommandOption("--sentiment")]
    [Description("Comments/s per core of the local analyzer, and the remote Azure AI Language path against a local stub")]
    public bool Sentiment { get; set; }

    [CommandOption("--language")]
    [Description("Comments/s of language identification, and of the local analyzer with and without it")]
    public bool Language { get; set; }

    [CommandOption("--warehouse")]
    [Description("Rows/s loaded into DuckDB, and the cost of a load with nothing new")]
    public bool Warehouse { get; set; }

    [CommandOption("--http")]
    [Description("HTTP ingest end to end: the API and a silo as processes on loopback, events/s accepted, request latency, processor use per process (comments capped at 600000)")]
    public bool Http { get; set; }

    [CommandOption("--memory")]
    [Description("Bytes per part of a video's state at 1,000 comments per video, then 1,000,000 video grains activated on one silo: activations/s and heap")]
    public bool Memory { get; set; }

    [CommandOption("--durable")]
    [Description("The pipeline's work through Azure queues on Azurite and Event Hubs (in-process hub) against memory streams, on at most 200000 comments")]
    public bool Durable { get; set; }

    [CommandOption("--topics")]
    [Description("Comments/s of the topic model on one thread (fit on the day's sample, assign every comment) against tokenizing alone, and its purity and NMI on the generator's planted themes (comments capped at 200000)")]
    public bool Topics { get; set; }

    private IEnumerable<(string Name, int? Value)> Sizes =>
    [
        ("--comments", Comments), ("--videos", Videos), ("--seed", Seed), ("--request-size", RequestSize),
        ("--publish-batch", PublishBatch), ("--producers", Producers), ("--lake-rows", LakeRows),
        ("--active-videos", ActiveVideos),
    ];

    /// <summary>The flags of the sections to run: those given, every one with --all, the pipeline when none is.</summary>
    public IReadOnlySet<string> SelectedFlags()
    {
        if (All)
        {
            return Reporting.BenchmarkSections.All.Select(section => section.Flag).ToHashSet(StringComparer.Ordinal);
        }

        var flags = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (flag, given) in new[] { ("--pipeline", Pipeline), ("--sentiment", Sentiment), ("--language", Language), ("--warehouse", Warehouse), ("--http", Http), ("--memory", Memory), ("--durable", Durable), ("--topics", Topics) })
        {
            if (given)
            {
                flags.Add(flag);
            }
        }

        return flags.Count > 0 ? flags : new HashSet<string>(["--pipeline"], StringComparer.Ordinal);
    }

    public override ValidationResult Validate()
    {
        var bad = Sizes.FirstOrDefault(size => size.Value is <= 0);
        return bad.Name is not null
            ? ValidationResult.Error($"{bad.Name}: {bad.Value} is not a positive whole number.")
            : ValidationResult.Success();
    }

    public BenchmarkOptions Options()
    {
        var defaults = new BenchmarkOptions();
        return new BenchmarkOptions
        {
            Comments = Comments ?? defaults.Comments,
            Videos = Videos ?? defaults.Videos,
            Seed = Seed ?? defaults.Seed,
            RequestSize = RequestSize ?? defaults.RequestSize,
            PublishBatch = PublishBatch ?? defaults.PublishBatch,
            Producers = Producers ?? defaults.Producers,
            LakeRows = LakeRows ?? defaults.LakeRows,
            ActiveVideos = ActiveVideos ?? defaults.ActiveVideos,
        };
    }
}
