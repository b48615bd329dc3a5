namespace Insights.Tools.Cli;

using Insights.Tools.Auth;
using Insights.Tools.Language;
using Insights.Tools.Migration;
using Insights.Tools.Quality;
using Insights.Tools.Replay;
using Insights.Tools.Topics;
using Insights.Tools.Training;
using Insights.Tools.Warehouse;
using Spectre.Console;
using Spectre.Console.Cli;

/// <summary>The <c>insights</c> command-line application: its commands, shared by <see cref="Program"/> and the tests.</summary>
public static class InsightsApp
{
    /// <summary>Runs <paramref name="args"/>; returns the exit code (<see cref="ExitCodes"/>).</summary>
    public static Task<int> RunAsync(IAnsiConsole console, ToolEnvironment environment, IReadOnlyList<string> args, CancellationToken cancellationToken = default)
    {
        // "hash-key -" reads the key from standard input, as omitting it does. Spectre reads a lone "-" as an option
        // without a name and refuses it, so the conventional spelling is dropped before Spectre sees it.
        var arguments = args is ["auth", "hash-key", "-"] ? args.Take(2) : args;
        return Create(console, environment).RunAsync(arguments, cancellationToken);
    }

    public static CommandApp Create(IAnsiConsole console, ToolEnvironment environment)
    {
        var app = new CommandApp();
        app.Configure(config =>
        {
            config.SetApplicationName("insights");
            config.Settings.Registrar.RegisterInstance<ICommandInterceptor>(new LeftoverArgumentsInterceptor());
            config.ConfigureConsole(console);
            config.Settings.Registrar.RegisterInstance(environment);
            config.SetExceptionHandler((ex, _) => Fail(environment.Error, ex));

            config.AddCommand<ReplayCommand>("replay")
                .WithDescription("Rebuild processed comments and video snapshots from the raw zone for a range of ingest hours")
                .WithExample("replay", "--from", "2026-11-24T00:00Z", "--to", "2026-11-24T06:00Z");
            config.AddCommand<QualityCommand>("quality")
                .WithDescription("Accuracy, macro-F1, macro-recall and confusion matrix of the sentiment analyzer on labelled files")
                .WithExample("quality", "my-labels.tsv", "--analyzer", "azure");
            config.AddCommand<TopicsCommand>("topics")
                .WithDescription("Print a day's topics from the lake (rank, label, top terms, comments, videos, sentiment, change); --build builds them first from the day's comments")
                .WithExample("topics", "--date", "2026-12-04", "--build");
            config.AddBranch("language", language =>
            {
                language.SetDescription("The language identifier that picks which comments the sentiment model scores");
                language.AddCommand<LanguageTrainCommand>("train")
                    .WithDescription("Train the language identifier on the shared data (seeded), write the model and print its accuracy per language on the validation files");
            });
            config.AddBranch("sentiment", sentiment =>
            {
                sentiment.SetDescription("The learned sentiment model");
                sentiment.AddCommand<SentimentTrainCommand>("train")
                    .WithDescription("Train the learned sentiment model from the shared data (seeded, deterministic), print its validation figures per language and write the model file the silo embeds")
                    .WithExample("sentiment", "train", "--subsample", "0.2", "--no-write");
            });
            config.AddBranch("warehouse", warehouse =>
            {
                warehouse.SetDescription("Load the processed zone into the warehouse, build and test the dbt models, query it");
                warehouse.AddCommand<WarehouseLoadCommand>("load")
                    .WithDescription("Load new and changed processed-zone Parquet files into the warehouse (files gone from the lake have their rows removed; unchanged files are skipped), then build the dbt models");
                warehouse.AddCommand<WarehouseModelsCommand>("models")
                    .WithDescription("(Re)create the dbt models of Warehouse/dbt as views, in dependency order, and run their tests (unique, not_null, relationships, accepted_values); exit code 1 if a test fails");
                warehouse.AddCommand<WarehouseQueryCommand>("query")
                    .WithDescription("Run one SQL statement and print the result as a table")
                    .WithExample("warehouse", "query", "\"SELECT * FROM video_sentiment_score LIMIT 10\"");
            });
            config.AddBranch("auth", auth =>
            {
                auth.SetDescription("Make API keys and the hashes the API's configuration holds");
                auth.AddCommand<NewKeyCommand>("new-key")
                    .WithDescription("A new random key, its hash, and the configuration lines that accept it")
                    .WithExample("auth", "new-key", "--name", "generator", "--scopes", "ingest");
                auth.AddCommand<HashKeyCommand>("hash-key")
                    .WithDescription("The hash of an existing key (read from standard input when omitted or '-', which keeps it out of shell history)");
            });
            config.AddCommand<MigrateStateCommand>("migrate-state")
                .WithDescription("Copy grain state blobs of the old Azure layout to Orleans' blob names (silos stopped)");
        });
        return app;
    }

    private static int Fail(IAnsiConsole error, Exception ex)
    {
        if (ex is OperationCanceledException)
        {
            return ExitCodes.Stopped;
        }

        // A value a converter refused. Insights' converters throw FormatException saying what the text should look
        // like; .NET's say only that the text is not a number, so Spectre's message (which text, which type) leads.
        var message = ex switch
        {
            CommandAppException { InnerException: FormatException format } => format.Message,
            CommandAppException { InnerException: { } inner } => $"{ex.Message} {inner.Message.Replace(" (Parameter 'value')", "", StringComparison.Ordinal)}",
            _ => ex.Message,
        };
        error.MarkupLineInterpolated($"[red]error:[/] {message}");
        if (ex is CommandAppException or UnknownArgumentException)
        {
            error.MarkupLine("See [bold]insights --help[/], or [bold]insights <command> --help[/].");
            return ExitCodes.BadArguments;
        }

        return ExitCodes.Failure;
    }
}
