namespace Insights.Tools.Training;

using System.Diagnostics;
using System.Globalization;
using Insights.Sentiment;
using Insights.Sentiment.Evaluation;
using Insights.Sentiment.Learned;
using Insights.Tools.Cli;
using Spectre.Console;
using Spectre.Console.Cli;

/// <summary>
/// <c>insights sentiment train</c>: trains the learned sentiment model from the shared training files
/// (<see cref="SentimentDataSets.TrainingFiles"/>), prints its validation figures per language next to the lexicon
/// analyzer's, and writes the model file that <see cref="LearnedSentimentAnalyzer"/> embeds. Deterministic: the same
/// data and options give the same bytes.
/// </summary>
public sealed class SentimentTrainCommand(IAnsiConsole console, ToolEnvironment environment) : AsyncCommand<SentimentTrainSettings>
{
    private readonly TextWriter _error = new AnsiConsoleWriter(environment.Error);

    public override async Task<int> ExecuteAsync(CommandContext context, SentimentTrainSettings settings, CancellationToken cancellationToken)
    {
        var folder = settings.Data is { } data ? Path.GetFullPath(data) : DevelopmentData.FindFolder(environment.StartFolders);
        if (folder is null || !Directory.Exists(folder))
        {
            _error.WriteLine($"sentiment train: no data folder ({settings.Data ?? DevelopmentData.RelativePath + " next to the repository root"})");
            return ExitCodes.Failure;
        }

        var output = settings.Output ?? DefaultOutput();
        if (output is null && !settings.NoWrite)
        {
            _error.WriteLine("sentiment train: not inside the repository; give --output");
            return ExitCodes.BadArguments;
        }

        var options = settings.ToOptions();
        var watch = Stopwatch.StartNew();
        IReadOnlyList<TrainingItem> items;
        try
        {
            items = TrainingData.Read(folder, options);
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            _error.WriteLine($"sentiment train: {ex.Message}");
            return ExitCodes.Failure;
        }

        console.WriteLineAsIs($"training on {items.Count:N0} items ({string.Join(", ", items.GroupBy(i => i.Language).Select(g => $"{g.Key} {g.Count():N0}"))}) with {options}");
        var model = LinearModelTrainer.Train(items, options, new AnsiConsoleWriter(console));
        console.WriteLineAsIs($"trained {model.Name} in {watch.Elapsed.TotalSeconds:N1} s: {model.UsedBuckets:N0} of {model.Options.Buckets:N0} buckets used");

        var learned = new LearnedSentimentAnalyzer(model, new LexiconSentimentAnalyzer());
        console.Write(await ValidationTable.CreateAsync(LanguageValidation.Read(folder), learned, new LexiconSentimentAnalyzer(), cancellationToken));
        console.WriteLine();

        if (!settings.NoWrite && output is not null)
        {
            LinearModelFile.Write(output, model);
            console.WriteLineAsIs($"wrote {output} ({new FileInfo(output).Length.ToString("N0", CultureInfo.InvariantCulture)} bytes)");
        }

        return ExitCodes.Ok;
    }

    private string? DefaultOutput() =>
        DevelopmentData.FindRepositoryRoot(environment.StartFolders) is { } root
            ? Path.Combine(root, "Sentiment", "Learned", "Model", "sentiment-linear.bin.gz")
            : null;
}
