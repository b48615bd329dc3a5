namespace Insights.Tools.Training;

using System.ComponentModel;
using Insights.Sentiment.Learned;
using Spectre.Console;
using Spectre.Console.Cli;

/// <summary>
/// The options of <c>insights sentiment train</c>. The defaults are the committed model's: chosen on the validation
/// files only (see Sentiment/README.md), so <c>insights sentiment train</c> alone reproduces it.
/// </summary>
public sealed class SentimentTrainSettings : CommandSettings
{
    [CommandOption("--data <FOLDER>")]
    [Description("The shared data folder (default: ../shared/data/sentiment next to the repository root)")]
    public string? Data { get; set; }

    [CommandOption("--output <FILE>")]
    [Description("Where to write the model (default: Sentiment/Learned/Model/sentiment-linear.bin.gz of the repository, the embedded model)")]
    public string? Output { get; set; }

    [CommandOption("--no-write")]
    [Description("Train and report validation figures without writing the model")]
    public bool NoWrite { get; set; }

    [CommandOption("--seed <N>")]
    [DefaultValue(1)]
    public int Seed { get; set; } = 1;

    [CommandOption("--subsample <SHARE>")]
    [Description("Share of every training file to use, 0 to 1 (quick experiments)")]
    [DefaultValue(1.0)]
    public double Subsample { get; set; } = 1.0;

    [CommandOption("--hash-bits <N>")]
    [Description("The hashed table has 2^N buckets")]
    [DefaultValue(18)]
    public int HashBits { get; set; } = FeatureOptions.Default.HashBits;

    [CommandOption("--char-min <N>")]
    [Description("Shortest character n-gram (0 with --char-max 0: none)")]
    [DefaultValue(0)]
    public int CharMin { get; set; } = FeatureOptions.Default.CharMin;

    [CommandOption("--char-max <N>")]
    [DefaultValue(0)]
    public int CharMax { get; set; } = FeatureOptions.Default.CharMax;

    [CommandOption("--word-ngrams <N>")]
    [DefaultValue(2)]
    public int WordNgrams { get; set; } = FeatureOptions.Default.WordNgrams;

    [CommandOption("--prefix <N>")]
    [Description("Words longer than N also count by their first N characters (0: no prefixes)")]
    [DefaultValue(5)]
    public int PrefixLength { get; set; } = FeatureOptions.Default.PrefixLength;

    [CommandOption("--l1 <VALUE>")]
    [DefaultValue(0.05f)]
    public float L1 { get; set; } = 0.05f;

    [CommandOption("--l2 <VALUE>")]
    [DefaultValue(0.5f)]
    public float L2 { get; set; } = 0.5f;

    [CommandOption("--iterations <N>")]
    [DefaultValue(100)]
    public int Iterations { get; set; } = 100;

    [CommandOption("--other-language-weight <W>")]
    [Description("Weight of a non-English XLM-T item relative to an English one")]
    [DefaultValue(2f)]
    public float OtherLanguageWeight { get; set; } = 2f;

    [CommandOption("--no-balance")]
    [Description("Do not weight items to balance the classes of each training file")]
    public bool NoBalance { get; set; }

    public TrainingOptions ToOptions() => new(
        new FeatureOptions(HashBits, CharMin, CharMax, WordNgrams, PrefixLength), L1, L2, Iterations, OtherLanguageWeight, !NoBalance, Seed, Subsample);

    public override ValidationResult Validate()
    {
        try
        {
            ToOptions().Features.Validate();
        }
        catch (InvalidDataException ex)
        {
            return ValidationResult.Error(ex.Message);
        }

        return Subsample is <= 0 or > 1 ? ValidationResult.Error("--subsample must be above 0 and at most 1.")
            : L1 < 0 || L2 < 0 ? ValidationResult.Error("--l1 and --l2 must not be negative.")
            : Iterations < 1 ? ValidationResult.Error("--iterations must be at least 1.")
            : OtherLanguageWeight <= 0 ? ValidationResult.Error("--other-language-weight must be above 0.")
            : ValidationResult.Success();
    }
}
