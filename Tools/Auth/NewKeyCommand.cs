namespace Insights.Tools.Auth;

using System.Globalization;
using Insights.Tools.Cli;
using Spectre.Console;
using Spectre.Console.Cli;

/// <summary><c>insights auth new-key</c>: a new random key, its hash, and the configuration lines that accept it.</summary>
public sealed class NewKeyCommand(IAnsiConsole console) : Command<NewKeySettings>
{
    public override int Execute(CommandContext context, NewKeySettings settings, CancellationToken cancellationToken)
    {
        var name = settings.Name ?? "key-" + DateTime.UtcNow.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        var key = ApiKeys.NewKey();
        var hash = ApiKeys.Hash(key);
        var prefix = $"Insights__Auth__ApiKeys__{settings.Index}__";
        console.WriteLineAsIs($"Key (give it to the client; it is not shown again, and the API never stores it):\n  {key}\n");
        console.WriteLineAsIs($"Hash (SHA-256):\n  {hash}\n");
        console.WriteLineAsIs("Configuration (environment variables, or the same keys with ':' in appsettings.json / Key Vault with '--'):");
        console.WriteLineAsIs($"  {prefix}Name={name}");
        console.WriteLineAsIs($"  {prefix}Hash={hash}");
        for (var i = 0; i < settings.ScopeList.Count; i++)
        {
            console.WriteLineAsIs($"  {prefix}Scopes__{i}={settings.ScopeList[i]}");
        }

        console.WriteLineAsIs("\nRotation: add the new key beside the old one (another index), move clients over, then remove the old one.");
        return ExitCodes.Ok;
    }
}
