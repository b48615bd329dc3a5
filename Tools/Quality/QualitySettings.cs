namespace Insights.Tools.Quality;

using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

/// <summary>The files and options of <c>insights quality</c>.</summary>
public sealed class QualitySettings : CommandSettings
{
    public const string Learned = "learned";
    public const string Lexicon = "lexicon";
    public const string Azure = "azure";

    [CommandArgument(0, "[FILE]")]
    [Description("Labelled files to score besides the development data: one item per line, negative|neutral|positive, a tab, the text")]
    public string[] Files { get; set; } = [];

    [CommandOption("--analyzer <NAME>")]
    [Description("learned: the learned model the silo scores with by default. lexicon: the rule-based analyzer. azure: Azure AI Language, configured from the environment like the silo: Insights__Sentiment__Azure__Endpoint (required), __Key (else Entra ID), __ApiVersion; documents it rejects are scored by the learned model (counted in \"scored by\"). The per-language section compares it with the lexicon analyzer")]
    [DefaultValue(Learned)]
    public string Analyzer { get; set; } = Learned;

    public override ValidationResult Validate() =>
        Analyzer is Learned or Lexicon or Azure
            ? ValidationResult.Success()
            : ValidationResult.Error($"--analyzer: '{Analyzer}' is not learned, lexicon or azure.");
}
