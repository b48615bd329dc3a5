namespace Insights.Tools.Auth;

using Insights.Tools.Cli;
using Spectre.Console;
using Spectre.Console.Cli;

/// <summary><c>insights auth hash-key</c>: the hash of an existing key, alone on its line (for scripts).</summary>
public sealed class HashKeyCommand(IAnsiConsole console, ToolEnvironment environment) : Command<HashKeySettings>
{
    public override int Execute(CommandContext context, HashKeySettings settings, CancellationToken cancellationToken)
    {
        var key = settings.Key is null or "-" ? environment.Input.ReadToEnd().TrimEnd('\r', '\n') : settings.Key;
        if (key.Length == 0)
        {
            environment.Error.MarkupLine("[red]error:[/] the key is empty");
            return ExitCodes.BadArguments;
        }

        console.WriteLineAsIs(ApiKeys.Hash(key));
        return ExitCodes.Ok;
    }
}
