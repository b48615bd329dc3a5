namespace Insights.Benchmarks.Cli;

using Spectre.Console;
using Spectre.Console.Cli;

/// <summary>The <c>insights-benchmark</c> command-line application. Exit codes: 0 ok, 1 failure, 2 bad arguments.</summary>
internal static class BenchmarkApp
{
    public static CommandApp<BenchmarkCommand> Create(IAnsiConsole console)
    {
        var app = new CommandApp<BenchmarkCommand>()
            .WithDescription("Pushes generated comments through the real pipeline and through a plain loop (or, with --sentiment or --warehouse, measures those parts alone).");
        app.Configure(config =>
        {
            config.SetApplicationName("insights-benchmark");
            config.ConfigureConsole(console);
            config.SetExceptionHandler((ex, _) =>
            {
                var message = ex is CommandAppException { InnerException: { } inner } ? $"{ex.Message} {inner.Message}" : ex.Message;
                console.MarkupLineInterpolated($"[red]error:[/] {message}");
                return ex is CommandAppException ? 2 : 1;
            });
        });
        return app;
    }
}
