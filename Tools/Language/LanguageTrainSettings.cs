namespace Insights.Tools.Language;

using System.ComponentModel;
using Insights.Sentiment.Language;
using Spectre.Console;
using Spectre.Console.Cli;

/// <summary>The options of <c>insights language train</c>.</summary>
public sealed class LanguageTrainSettings : CommandSettings
{
    [CommandOption("--data <FOLDER>")]
    [Description("The labelled data (xlmt_<lang>_train.tsv, xlmt_<lang>_val.tsv, semeval_train.tsv); default ../shared/data/sentiment next to the repository root")]
    public string? Data { get; set; }

    [CommandOption("--output <FILE>")]
    [Description("Where the model goes; default Sentiment/Language/Data/language-model.bin in the repository (embedded in the Sentiment assembly at the next build)")]
    public string? Output { get; set; }

    [CommandOption("--seed <N>")]
    [Description("Seed of the draw of English training texts")]
    [DefaultValue(19)]
    public int Seed { get; set; } = 19;

    [CommandOption("--bucket-bits <N>")]
    [Description("log2 of the number of hashed n-gram buckets (model size: 2 bytes per bucket and language)")]
    [DefaultValue(16)]
    public int BucketBits { get; set; } = 16;

    public override ValidationResult Validate() =>
        BucketBits is >= 8 and <= 24
            ? ValidationResult.Success()
            : ValidationResult.Error($"--bucket-bits: {BucketBits} is not between 8 and 24.");

    public LanguageTrainingOptions ToOptions() => new() { Seed = Seed, BucketBits = BucketBits };
}
