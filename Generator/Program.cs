namespace Insights.Generator;

using Insights.Generator.Cli;
using Spectre.Console;

/// <summary>The command-line entry point. Internal, so it never clashes with another project's <c>Program</c>.</summary>
internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        using var stop = new CancellationTokenSource();
        using var abort = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            if (!stop.IsCancellationRequested)
            {
                AnsiConsole.MarkupLine("[yellow]Stopping after the requests in flight (Ctrl-C again to abort them)...[/]");
                stop.Cancel();
            }
            else
            {
                abort.Cancel();
            }
        };

        return await GeneratorApp.Create(AnsiConsole.Console, new StopSignals(stop.Token, abort.Token)).RunAsync(args);
    }
}
