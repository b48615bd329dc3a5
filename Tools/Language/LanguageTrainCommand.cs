namespace Insights.Tools.Language;

using Insights.Sentiment.Evaluation;
using Insights.Sentiment.Language;
using Insights.Tools.Cli;
using Spectre.Console;
using Spectre.Console.Cli;

/// <summary>
/// <c>insights language train</c>: trains the language identifier on the training files of the eight languages
/// (English also on <c>semeval_train.tsv</c>), sets each language's rejection threshold on its validation file,
/// writes the model and prints the accuracy per language on the validation files. Deterministic for a seed.
/// Exit code 1 when the data is missing.
/// </summary>
public sealed class LanguageTrainCommand(IAnsiConsole console, ToolEnvironment environment) : Command<LanguageTrainSettings>
{
    public static readonly string DefaultOutput = Path.Combine("Sentiment", "Language", "Data", "language-model.bin");

    private readonly TextWriter error = new AnsiConsoleWriter(environment.Error);

    public override int Execute(CommandContext context, LanguageTrainSettings settings, CancellationToken cancellationToken)
    {
        var folder = settings.Data ?? DevelopmentData.FindFolder(environment.StartFolders);
        var languages = LanguageCodes.Trained;
        if (folder is null || !LanguageDataFiles.AreIn(folder, languages))
        {
            error.WriteLine($"language train: no data folder with xlmt_<lang>_train.tsv and xlmt_<lang>_val.tsv for {string.Join(", ", languages)} (give --data, or put it at {DevelopmentData.RelativePath} next to the repository root)");
            return 1;
        }

        var output = settings.Output;
        if (output is null)
        {
            var root = DevelopmentData.FindRepositoryRoot(environment.StartFolders);
            if (root is null)
            {
                error.WriteLine("language train: not inside the repository; give --output");
                return 1;
            }

            output = Path.Combine(root, DefaultOutput);
        }

        var training = LanguageDataFiles.ReadTraining(folder, languages, withSemEval: true);
        var validation = LanguageDataFiles.ReadValidation(folder, languages);
        var options = settings.ToOptions();
        var model = LanguageTrainer.Train(training, validation, options);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(output))!);
        using (var file = File.Create(output))
        {
            model.Write(file);
        }

        console.WriteLineAsIs($"language model {model.Version}: {model.Languages.Count} languages, 2^{model.BucketBits} buckets, seed {options.Seed}, {new FileInfo(output).Length:N0} bytes -> {output}");
        console.WriteLineAsIs($"trained on {training.Count:N0} texts (at most {options.MaxTextsPerLanguage:N0} per language); bounds (script, mean n-gram log-probability, known-word share): " +
            string.Join(", ", model.Entries.Select(e => $"{e.Code} {e.Script} {e.MinMeanLogProbability:F2} {e.MinKnownWordShare:F2}")));
        var written = ReadBack(output);
        console.Write(LanguageReport.Create("validation files", LanguageConfusion.Measure(new LanguageIdentifier(written), validation)));
        return 0;
    }

    /// <summary>The model as the silo will load it (weights rounded to half precision).</summary>
    private static LanguageModel ReadBack(string path)
    {
        using var file = File.OpenRead(path);
        return LanguageModel.Read(file);
    }
}
