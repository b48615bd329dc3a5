namespace Insights.Tools.Warehouse;

using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

/// <summary>The statement and options of <c>insights warehouse query</c>.</summary>
public sealed class WarehouseQuerySettings : WarehouseSettings
{
    [CommandArgument(0, "<SQL>")]
    [Description("One SQL statement, in quotes")]
    public string Sql { get; set; } = "";

    [CommandOption("--max-rows <N>")]
    [Description("Rows printed at most (the caption says how many there were)")]
    [DefaultValue(100)]
    public int MaxRows { get; set; } = 100;

    public override ValidationResult Validate()
    {
        var configured = base.Validate();
        if (!configured.Successful)
        {
            return configured;
        }

        if (string.IsNullOrWhiteSpace(Sql))
        {
            return ValidationResult.Error("query needs the SQL to run, in quotes.");
        }

        return MaxRows < 1 ? ValidationResult.Error($"--max-rows: {MaxRows} is not a whole number of at least 1.") : ValidationResult.Success();
    }
}
