namespace Insights.Tools.Warehouse;

using System.ComponentModel;
using global::Insights.Warehouse;
using Insights.Tools.Cli;
using Spectre.Console.Cli;

/// <summary>
/// The options every <c>insights warehouse</c> command takes. Configuration comes from environment variables like the
/// silo's (<c>Insights__Warehouse__Provider=Synapse</c>, <c>Insights__Warehouse__Synapse__ConnectionString=...</c>).
/// </summary>
public class WarehouseSettings : ConfiguredSettings
{
    [CommandOption("--duckdb-path <PATH>")]
    [Description("The DuckDB file (Insights:Warehouse:DuckDbPath; default data/warehouse/insights.duckdb)")]
    public string? DuckDbPath { get; set; }

    protected override void AddShortcuts(IDictionary<string, string?> settings)
    {
        if (DuckDbPath is not null)
        {
            settings[WarehouseOptions.SectionName + ":DuckDbPath"] = DuckDbPath;
        }
    }
}
