namespace Insights.Benchmarks.Cli;

using Spectre.Console;
using Spectre.Console.Cli;

/// <summary>The <c>insights-benchmark</c> command-line application. Exit codes: 0 ok, 1 failure, 2 bad arguments.</summary>
internal static class BenchmarkApp
{
    public static CommandApp<BenchmarkCommand> Create(IAnsiConsole console)
    {
        var app = new CommandApp<BenchmarkCommand>()
            .WithDescription("Measures the pipeline against the same work in a plain loop, and each part alone; writes the figures to .local/benchmark.json.");
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
