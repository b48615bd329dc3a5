namespace Insights.Tools;

using Insights.Tools.Cli;
using Spectre.Console;

internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        using var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancel.Cancel();
        };

        var environment = ToolEnvironment.FromProcess();

        // No command at all is a usage error (exit 2), as before; Spectre would show the help and exit 0.
        return args.Length == 0
            ? await InsightsApp.RunAsync(AnsiConsole.Console, environment, ["--help"], cancel.Token) is ExitCodes.Ok ? ExitCodes.BadArguments : ExitCodes.Failure
            : await InsightsApp.RunAsync(AnsiConsole.Console, environment, args, cancel.Token);
    }
}
