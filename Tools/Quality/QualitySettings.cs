namespace Insights.Tools.Quality;

using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

/// <summary>The files and options of <c>insights quality</c>.</summary>
public sealed class QualitySettings : CommandSettings
{
    public const string Local = "local";
    public const string Azure = "azure";

    [CommandArgument(0, "[FILE]")]
    [Description("Labelled files to score besides the development data: one item per line, negative|neutral|positive, a tab, the text")]
    public string[] Files { get; set; } = [];

    [CommandOption("--analyzer <NAME>")]
    [Description("local: the built-in lexicon analyzer. azure: Azure AI Language, configured from the environment like the silo: Insights__Sentiment__Azure__Endpoint (required), __Key (else Entra ID), __ApiVersion; documents it rejects are scored locally (counted in \"scored by\")")]
    [DefaultValue(Local)]
    public string Analyzer { get; set; } = Local;

    public override ValidationResult Validate() =>
        Analyzer is Local or Azure
            ? ValidationResult.Success()
            : ValidationResult.Error($"--analyzer: '{Analyzer}' is not local or azure.");
}
