namespace Insights.Tools.Warehouse;

using System.ComponentModel;
using Spectre.Console.Cli;

/// <summary>The options of <c>insights warehouse models</c>.</summary>
public sealed class WarehouseModelsSettings : WarehouseSettings
{
    [CommandOption("--no-tests")]
    [Description("Build the views only; skip the dbt tests")]
    public bool NoTests { get; set; }
}
