namespace Insights.Tools.Warehouse;

using global::Insights.Warehouse;
using Insights.Tools.Cli;
using Spectre.Console;

/// <summary><c>insights warehouse query "SQL"</c>: runs one statement and prints the result as a table.</summary>
public sealed class WarehouseQueryCommand(IAnsiConsole console, ToolEnvironment environment) : WarehouseCommand<WarehouseQuerySettings>(environment)
{
    protected override string Verb => "query";

    protected override async Task<int> RunAsync(WarehouseService warehouse, WarehouseQuerySettings settings, CancellationToken cancellationToken)
    {
        var result = await warehouse.QueryAsync(settings.Sql, null, cancellationToken);
        console.Write(QueryTable.Create(result, settings.MaxRows));
        return ExitCodes.Ok;
    }
}
