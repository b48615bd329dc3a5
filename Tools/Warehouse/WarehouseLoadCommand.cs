namespace Insights.Tools.Warehouse;

using global::Insights.Warehouse;
using Insights.Tools.Cli;
using Spectre.Console;

/// <summary>
/// <c>insights warehouse load</c>: loads new and changed processed-zone Parquet files (files gone from the lake have
/// their rows removed; unchanged files are skipped), then builds the dbt models. Exit code 1 if a file failed.
/// </summary>
public sealed class WarehouseLoadCommand(IAnsiConsole console, ToolEnvironment environment) : WarehouseCommand<WarehouseSettings>(environment)
{
    protected override string Verb => "load";

    protected override async Task<int> RunAsync(WarehouseService warehouse, WarehouseSettings settings, CancellationToken cancellationToken)
    {
        var (result, models) = await warehouse.LoadAsync(cancellationToken);
        console.WriteLineAsIs($"loaded {warehouse.Lake.Description} (processed zone) into {result.Target} in {result.Duration.TotalSeconds:0.0} s:");
        console.WriteLineAsIs($"  files: {result.FilesLoaded:N0} loaded, {result.FilesRemoved:N0} removed, {result.FilesUnchanged:N0} unchanged, "
            + $"{result.FilesSkipped:N0} skipped, {result.Failures.Count:N0} failed");
        var byDataset = result.RowsByDataset.Count == 0
            ? ""
            : " (" + string.Join(", ", result.RowsByDataset.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => $"{kv.Key} {kv.Value:N0}")) + ")";
        console.WriteLineAsIs($"  rows:  {result.RowsLoaded:N0} loaded{byDataset}, {result.RowsRemoved:N0} removed; {result.DatesAdded} dates added to dim_date");
        if (models > 0)
        {
            console.WriteLineAsIs($"  models: {models} views built (run 'insights warehouse models' for the tests)");
        }

        foreach (var failure in result.Failures)
        {
            Environment.Error.WriteLineAsIs("  failed: " + failure);
        }

        return result.Failures.Count == 0 ? ExitCodes.Ok : ExitCodes.Failure;
    }
}
