namespace Insights.Tools;

internal static class Program
{
    // Each subcommand registers here; they share nothing but this dispatch.
    private static readonly ICommand[] Commands = [new Replay.ReplayCommand(), new Quality.QualityCommand(), new Warehouse.WarehouseCommand(), new Auth.AuthCommand(), new Migration.MigrateStateCommand()];

    public static async Task<int> Main(string[] args)
    {
        if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
        {
            PrintUsage();
            return args.Length == 0 ? 2 : 0;
        }

        var command = Commands.FirstOrDefault(c => c.Name == args[0]);
        if (command is null)
        {
            Console.Error.WriteLine($"unknown command '{args[0]}'");
            PrintUsage();
            return 2;
        }

        using var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancel.Cancel();
        };
        return await command.RunAsync(args[1..], cancel.Token);
    }

    private static void PrintUsage()
    {
        Console.WriteLine("insights: maintenance commands for Insights\n\nUsage: insights <command> [options]\n\nCommands:");
        foreach (var c in Commands)
        {
            Console.WriteLine($"  {c.Name,-12} {c.Summary}");
        }
    }
}
