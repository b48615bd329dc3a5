namespace Insights.Generator.Cli;

using Spectre.Console;
using Spectre.Console.Cli;

/// <summary>The <c>insights-generator</c> command-line application, shared by <see cref="Program"/> and the tests.</summary>
public static class GeneratorApp
{
    public const string Description = """
        Realistic dummy TikTok data for Insights, sent to the ingest API, with its ground truth.

        Ctrl-C stops after the requests in flight and still writes the truth of what was accepted; a second Ctrl-C aborts them.
        Exit codes: 0 ok, 1 failure, 2 bad arguments, 3 events rejected, 130 stopped.
        """;

    public static CommandApp<GenerateCommand> Create(IAnsiConsole console, StopSignals signals)
    {
        var app = new CommandApp<GenerateCommand>().WithDescription(Description);
        app.Configure(config =>
        {
            ConfigureParsing(config);
            config.ConfigureConsole(console);
            config.Settings.Registrar.RegisterInstance(signals);
            config.SetExceptionHandler((ex, _) => Fail(console, ex));
        });
        return app;
    }

    public static void ConfigureParsing(IConfigurator config) => config.SetApplicationName("insights-generator");

    /// <summary>
    /// Refuses what Spectre left over: an unknown option or a stray argument. Spectre's strict mode would refuse them
    /// too, but for a default command it then retries with its own name inserted and reports an option without its
    /// value as "Failed to convert '__default_command'"; this keeps its clear "no value has been provided".
    /// </summary>
    public static ValidationResult RefuseLeftovers(CommandContext context)
    {
        var leftover = context.Remaining.Parsed.Select(group => group.Key).Concat(context.Remaining.Raw).FirstOrDefault();
        return leftover is null ? ValidationResult.Success() : ValidationResult.Error($"Unknown option or argument '{leftover}'. See --help.");
    }

    private static int Fail(IAnsiConsole console, Exception ex)
    {
        if (ex is OperationCanceledException)
        {
            return GeneratorExitCodes.Stopped;
        }

        // A value a converter refused. Insights' converters throw FormatException saying what the text should look
        // like; .NET's say only that the text is not a number, so Spectre's message (which text, which type) leads.
        var message = ex switch
        {
            CommandAppException { InnerException: FormatException format } => format.Message,
            CommandAppException { InnerException: { } inner } => $"{ex.Message} {inner.Message.Replace(" (Parameter 'value')", "", StringComparison.Ordinal)}",
            _ => ex.Message,
        };
        console.MarkupLineInterpolated($"[red]error:[/] {message}");
        return ex is CommandAppException or ArgumentException ? GeneratorExitCodes.BadArguments : GeneratorExitCodes.Failure;
    }
}
