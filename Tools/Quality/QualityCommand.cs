using System.Diagnostics;
using Insights.Sentiment;
using Insights.Sentiment.Azure;
using Insights.Sentiment.Evaluation;

namespace Insights.Tools.Quality;

/// <summary>
/// <c>insights quality [FILE...] [--analyzer local|azure]</c>: scores every <c>*.tsv</c> of the development data
/// (<see cref="DevelopmentData.FindFiles"/>: the files the repository carries and the shared ones in
/// <c>../shared/data/sentiment</c> next to the repository root, found by walking up from the current folder and from
/// the tool's folder to the one holding <c>Insights.sln</c>) and every labelled file given
/// (<c>label&lt;TAB&gt;text</c>), and prints per file: items, accuracy, macro-F1, macro-recall, the confusion
/// matrix, and the published VADER/AFINN baselines of the shared README for comparison. Exit code 1 if a file is
/// unreadable, has a bad line, or could not be scored; 2 for bad arguments.
/// </summary>
public sealed class QualityCommand : ICommand
{
    private const string Usage = """
        Usage: insights quality [FILE...] [--analyzer local|azure]

        Scores the development files (Sentiment/Evaluation/Data, and ../shared/data/sentiment next to the
        repository root when it exists) and any
        labelled FILE (one item per line: negative|neutral|positive, a tab, the text) and prints accuracy,
        macro-F1, macro-recall and the confusion matrix of each, with the published baselines when known.

          --analyzer local   the built-in lexicon analyzer (default)
          --analyzer azure   Azure AI Language, configured from the environment like the silo:
                             Insights__Sentiment__Azure__Endpoint (required), __Key (else Entra ID),
                             __ApiVersion. Documents it rejects are scored locally (counted in "scored by").
        """;

    private readonly TextWriter output;
    private readonly TextWriter error;
    private readonly IReadOnlyList<string> startFolders;
    private readonly Func<string, string?> environment;

    public QualityCommand()
        : this(Console.Out, Console.Error, [Environment.CurrentDirectory, AppContext.BaseDirectory], Environment.GetEnvironmentVariable)
    {
    }

    /// <param name="output">Reports.</param>
    /// <param name="error">Problems.</param>
    /// <param name="startFolders">Where to start looking for the repository root.</param>
    /// <param name="environment">Reads environment variables (Azure settings).</param>
    public QualityCommand(TextWriter output, TextWriter error, IReadOnlyList<string> startFolders, Func<string, string?> environment)
    {
        this.output = output;
        this.error = error;
        this.startFolders = startFolders;
        this.environment = environment;
    }

    public string Name => "quality";

    public string Summary => "Accuracy, macro-F1, macro-recall and confusion matrix of the sentiment analyzer on labelled files";

    public async Task<int> RunAsync(IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        var files = new List<string>();
        var analyzerName = "local";
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg is "-h" or "--help")
            {
                output.WriteLine(Usage);
                return 0;
            }

            if (arg == "--analyzer" && i + 1 < args.Count)
            {
                analyzerName = args[++i];
            }
            else if (arg.StartsWith("--analyzer=", StringComparison.Ordinal))
            {
                analyzerName = arg["--analyzer=".Length..];
            }
            else if (arg.StartsWith('-'))
            {
                error.WriteLine($"quality: unknown option '{arg}'");
                error.WriteLine(Usage);
                return 2;
            }
            else
            {
                files.Add(Path.GetFullPath(arg));
            }
        }

        var local = new LexiconSentimentAnalyzer();
        ISentimentAnalyzer analyzer;
        IAsyncDisposable? owned = null;
        switch (analyzerName)
        {
            case "local":
                analyzer = local;
                break;
            case "azure":
                try
                {
                    var batcher = AzureSentiment.CreateAnalyzer(AzureOptionsFromEnvironment(), localFallback: false, local);
                    analyzer = batcher;
                    owned = batcher;
                }
                catch (InvalidOperationException ex)
                {
                    error.WriteLine($"quality: {ex.Message}");
                    return 2;
                }

                break;
            default:
                error.WriteLine($"quality: unknown analyzer '{analyzerName}' (use local or azure)");
                return 2;
        }

        try
        {
            return await ScoreAllAsync(files, analyzer, cancellationToken);
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

        output.WriteLine($"development data: {files.Count} files ({string.Join(", ", files.Select(Path.GetFileName))})");
        output.WriteLine();

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

        QualityReport.Write(output, fileName, $"{analyzer.Name}, {watch.Elapsed.TotalMilliseconds:N0} ms", matrix, BaselineTable.For(baselines, fileName), scoredBy);
        return true;
    }

    private AzureLanguageOptions AzureOptionsFromEnvironment()
    {
        const string prefix = "Insights__Sentiment__Azure__";
        var endpoint = environment(prefix + "Endpoint");
        var options = new AzureLanguageOptions
        {
            Endpoint = Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) ? uri : null,
            Key = environment(prefix + "Key"),
        };
        if (environment(prefix + "ApiVersion") is { Length: > 0 } version)
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
