namespace Insights.Tools.Warehouse;

using global::Insights.Warehouse.Cli;

/// <summary>
/// <c>insights warehouse load|models|query</c>: loads the processed zone into the warehouse (DuckDB by default,
/// Synapse by configuration), (re)builds the dbt models and runs their tests, or runs a query. The work is in
/// <see cref="WarehouseCli"/> (warehouse/), shared with the tests.
/// </summary>
public sealed class WarehouseCommand : ICommand
{
    public string Name => "warehouse";

    public string Summary => "load the processed zone into the warehouse, build and test the dbt models, query it";

    public Task<int> RunAsync(IReadOnlyList<string> args, CancellationToken cancellationToken) =>
        new WarehouseCli(Console.Out, Console.Error).RunAsync(args, cancellationToken);
}
