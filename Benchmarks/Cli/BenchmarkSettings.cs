namespace Insights.Benchmarks.Cli;

using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

/// <summary>
/// The options of <c>insights-benchmark</c>: the pipeline benchmark's sizes, or <c>--sentiment</c> / <c>--warehouse</c>
/// for the other two benchmarks, which take no option. Unset sizes keep <see cref="BenchmarkOptions"/>' defaults.
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

    [CommandOption("--sentiment")]
    [Description("Instead: comments/s per core of the local analyzer, and the remote Azure AI Language path against a local stub")]
    public bool Sentiment { get; set; }

    [CommandOption("--warehouse")]
    [Description("Instead: rows/s loaded into DuckDB, and the cost of a load with nothing new")]
    public bool Warehouse { get; set; }

    private IEnumerable<(string Name, int? Value)> Sizes =>
    [
        ("--comments", Comments), ("--videos", Videos), ("--seed", Seed), ("--request-size", RequestSize),
        ("--publish-batch", PublishBatch), ("--producers", Producers), ("--lake-rows", LakeRows),
    ];

    public override ValidationResult Validate()
    {
        if (Sentiment && Warehouse)
        {
            return ValidationResult.Error("--sentiment and --warehouse are separate benchmarks: give one.");
        }

        var given = Sizes.FirstOrDefault(size => size.Value is not null);
        if ((Sentiment || Warehouse) && given.Name is not null)
        {
            return ValidationResult.Error($"{given.Name} sizes the pipeline benchmark; {(Sentiment ? "--sentiment" : "--warehouse")} takes no option.");
        }

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
        };
    }
}
