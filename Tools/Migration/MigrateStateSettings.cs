namespace Insights.Tools.Migration;

using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

/// <summary>The options of <c>insights migrate-state</c>.</summary>
public sealed class MigrateStateSettings : CommandSettings
{
    [CommandOption("--connection-string <CS>")]
    [Description("The storage account's connection string (or give --account-url)")]
    public string? ConnectionString { get; set; }

    [CommandOption("--account-url <URL>")]
    [Description("https://<account>.blob.core.windows.net, signed in with Entra ID (or give --connection-string)")]
    public string? AccountUrl { get; set; }

    [CommandOption("--container <NAME>")]
    [Description("The grain state container")]
    [DefaultValue("grainstate")]
    public string Container { get; set; } = "grainstate";

    [CommandOption("--delete-legacy")]
    [Description("Delete each legacy blob once its copy exists")]
    public bool DeleteLegacy { get; set; }

    [CommandOption("--dry-run")]
    [Description("Report what would be copied; change nothing")]
    public bool DryRun { get; set; }

    public override ValidationResult Validate() =>
        (ConnectionString is null) == (AccountUrl is null)
            ? ValidationResult.Error("Give one of --connection-string and --account-url.")
            : ValidationResult.Success();
}
