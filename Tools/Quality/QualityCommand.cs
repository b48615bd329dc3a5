namespace Insights.Tools.Quality;

using System.Diagnostics;
using Insights.Sentiment;
using Insights.Sentiment.Azure;
using Insights.Sentiment.Evaluation;
using Insights.Tools.Cli;
using Insights.Tools.Training;
using Spectre.Console;
using Spectre.Console.Cli;

/// <summary>
/// <c>insights quality [FILE...] [--analyzer learned|lexicon|azure]</c>: scores every <c>*.tsv</c> of the development data
/// (<see cref="DevelopmentData.FindFiles"/>: the files the repository carries and the shared ones in
/// <c>../shared/data/sentiment</c> next to the repository root, found by walking up from the current folder and from
/// the tool's folder to the one holding <c>Insights.sln</c>) and every labelled file given
/// (<c>label&lt;TAB&gt;text</c>), and prints per file: items, accuracy, macro-F1, macro-recall, the confusion
/// matrix, and the published VADER/AFINN baselines of the shared README for comparison; then, per language of the
/// learned model (<see cref="LanguageValidation"/>: English from tweeteval_val and vader_tweets, every XLM-T language
/// from its validation file), macro-F1 and macro-recall next to the lexicon analyzer's and the confusion matrix.
/// Then the language identifier's accuracy per language on the shared validation files, and how the XLM-T files'
/// labels agree with the English training file's on the texts they share (<see cref="LabelAgreement"/>). Exit code 1 if a file is
/// unreadable, has a bad line, or could not be scored; 2 for bad arguments.
/// </summary>
public sealed class QualityCommand(IAnsiConsole console, ToolEnvironment environment) : AsyncCommand<QualitySettings>
{
    private readonly TextWriter error = new AnsiConsoleWriter(environment.Error);
    private readonly IReadOnlyList<string> startFolders = environment.StartFolders;

    public override async Task<int> ExecuteAsync(CommandContext context, QualitySettings settings, CancellationToken cancellationToken)
    {
        var files = settings.Files.Select(Path.GetFullPath).ToList();
        var lexicon = new LexiconSentimentAnalyzer();
        ISentimentAnalyzer local = settings.Analyzer == QualitySettings.Lexicon ? lexicon : new LearnedSentimentAnalyzer();
        ISentimentAnalyzer analyzer;
        IAsyncDisposable? owned = null;
        if (settings.Analyzer == QualitySettings.Azure)
        {
            try
            {
                var batcher = AzureSentiment.CreateAnalyzer(AzureOptionsFromEnvironment(), localFallback: false, local);
                analyzer = batcher;
                owned = batcher;
            }
            catch (InvalidOperationException ex)
            {
                error.WriteLine($"quality: {ex.Message}");
                return ExitCodes.BadArguments;
            }
        }
        else
        {
            analyzer = local;
        }

        try
        {
            var code = await ScoreAllAsync(files, analyzer, cancellationToken);
            return code == ExitCodes.Ok ? await ScoreLanguagesAsync(analyzer, lexicon, cancellationToken) : code;
        }
        finally
        {
            if (owned is not null)
            {
                await owned.DisposeAsync();
            }
        }
    }

    private async Task<int> ScoreAllAsync(List<string> givenFiles, ISentimentAnalyzer analyzer, CancellationToken cancellationToken)
    {
        var files = DevelopmentData.FindFiles(startFolders).ToList();
        var folder = DevelopmentData.FindFolder(startFolders);
        IReadOnlyList<Baseline> baselines = folder is null ? [] : BaselineTable.Read(Path.Combine(folder, "README.md"));
        if (folder is null)
        {
            error.WriteLine($"quality: no shared data folder ({DevelopmentData.RelativePath} next to the folder holding {DevelopmentData.SolutionFile}, above {string.Join(" or ", startFolders)}); scoring the files the repository carries");
        }

        if (files.Count == 0 && givenFiles.Count == 0)
        {
            return 1;
        }

        console.WriteLineAsIs($"development data: {files.Count} files ({string.Join(", ", files.Select(Path.GetFileName))})");
        console.WriteLine();

        foreach (var file in givenFiles)
        {
            if (!files.Contains(file, StringComparer.Ordinal))
            {
                files.Add(file);
            }
        }

        var failures = 0;
        foreach (var file in files)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!await ScoreAsync(file, analyzer, baselines, cancellationToken))
            {
                failures++;
            }
        }

        LanguageQualitySection.Write(console, error, folder);

        if (failures > 0)
        {
            error.WriteLine($"quality: {failures} of {files.Count} files could not be scored");
            return 1;
        }

        return 0;
    }

    private async Task<bool> ScoreAsync(string path, ISentimentAnalyzer analyzer, IReadOnlyList<Baseline> baselines, CancellationToken cancellationToken)
    {
        var fileName = Path.GetFileName(path);
        IReadOnlyList<LabelledText> items;
        try
        {
            items = LabelledTextFile.Read(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException or ArgumentException or NotSupportedException)
        {
            error.WriteLine($"quality: {path}: {ex.Message}");
            return false;
        }

        if (items.Count == 0)
        {
            error.WriteLine($"quality: {path}: no items");
            return false;
        }

        IReadOnlyList<SentimentResult> results;
        var watch = Stopwatch.StartNew();
        try
        {
            results = await analyzer.AnalyzeAsync(items.Select(item => item.Text).ToArray(), cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            error.WriteLine($"quality: {path}: scoring with {analyzer.Name} failed: {ex.Message}");
            return false;
        }

        var matrix = new ConfusionMatrix();
        var scoredBy = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < items.Count; i++)
        {
            matrix.Add(items[i].Gold, results[i].Label);
            scoredBy[results[i].Analyzer] = scoredBy.GetValueOrDefault(results[i].Analyzer) + 1;
        }

        var training = SentimentDataSets.TrainingFiles.Any(t => t.File == fileName) ? " (training file of the learned model: not a validation figure)" : "";
        console.Write(QualityReport.Create(fileName + training, $"{analyzer.Name}, {watch.Elapsed.TotalMilliseconds:N0} ms", matrix, BaselineTable.For(baselines, fileName), scoredBy));
        console.WriteLine();
        return true;
    }

    private async Task<int> ScoreLanguagesAsync(ISentimentAnalyzer analyzer, ISentimentAnalyzer lexicon, CancellationToken cancellationToken)
    {
        if (DevelopmentData.FindFolder(startFolders) is not { } folder)
        {
            return ExitCodes.Ok;
        }

        IReadOnlyList<LanguageValidation> sets;
        try
        {
            sets = LanguageValidation.Read(folder);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            error.WriteLine($"quality: per-language validation: {ex.Message}");
            return ExitCodes.Failure;
        }

        console.WriteLineAsIs("per language (validation files; items also in a training file left out):");
        console.Write(await ValidationTable.CreateAsync(sets, analyzer, lexicon, cancellationToken));
        console.WriteLine();
        foreach (var set in sets)
        {
            var matrix = await set.ScoreAsync(analyzer, cancellationToken);
            console.Write(QualityReport.Create($"{set.Name}", analyzer.Name, matrix, [], new Dictionary<string, int>()));
            console.WriteLine();
        }

        if (LabelAgreementSection.Create(folder) is { } agreement)
        {
            console.Write(agreement);
            console.WriteLine();
        }

        return ExitCodes.Ok;
    }

    private AzureLanguageOptions AzureOptionsFromEnvironment()
    {
        const string prefix = "Insights__Sentiment__Azure__";
        var endpoint = environment.Variables(prefix + "Endpoint");
        var options = new AzureLanguageOptions
        {
            Endpoint = Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) ? uri : null,
            Key = environment.Variables(prefix + "Key"),
        };
        if (environment.Variables(prefix + "ApiVersion") is { Length: > 0 } version)
        {
            options.ApiVersion = version;
        }

        try
        {
            options.Validate();
        }
        catch (InvalidOperationException ex)
        {
            throw new InvalidOperationException($"{ex.Message} Set the settings as environment variables {prefix}<Setting>.", ex);
        }

        return options;
    }
}
