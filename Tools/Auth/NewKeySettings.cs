namespace Insights.Tools.Auth;

using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

/// <summary>The options of <c>insights auth new-key</c>.</summary>
public sealed class NewKeySettings : CommandSettings
{
    [CommandOption("--name <NAME>")]
    [Description("The key's name in the configuration and the logs (default key-yyyyMMdd, today in UTC)")]
    public string? Name { get; set; }

    [CommandOption("--scopes <SCOPES>")]
    [Description("What the key may do, comma-separated: ingest, read, alerts (managing alert webhooks)")]
    [DefaultValue("ingest,read")]
    public string Scopes { get; set; } = "ingest,read";

    [CommandOption("--index <N>")]
    [Description("The N of Insights:Auth:ApiKeys:N; another index than the current key's for a rotation")]
    [DefaultValue(0)]
    public int Index { get; set; }

    public IReadOnlyList<string> ScopeList => Scopes.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public override ValidationResult Validate()
    {
        if (Name is not null && string.IsNullOrWhiteSpace(Name))
        {
            return ValidationResult.Error("--name: must not be empty.");
        }

        if (ScopeList.Count == 0 || ScopeList.Any(scope => !ApiKeys.Scopes.Contains(scope)))
        {
            return ValidationResult.Error($"--scopes: '{Scopes}' is not a comma-separated list of ingest, read and alerts.");
        }

        return Index < 0 ? ValidationResult.Error($"--index: {Index} is negative.") : ValidationResult.Success();
    }
}
