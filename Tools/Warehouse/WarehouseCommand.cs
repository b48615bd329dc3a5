namespace Insights.Tools.Warehouse;

using global::Insights.Warehouse;
using global::Insights.Warehouse.Hosting;
using Insights.Lake.Hosting;
using Insights.Tools.Cli;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console.Cli;

/// <summary>
/// What the <c>insights warehouse</c> commands share: the warehouse configured like the silo, and one error line
/// (<c>warehouse load failed: ...</c>, exit code 1) for whatever the warehouse refuses. DuckDB lets one process write
/// a database file at a time: while the silo is loading, use <c>POST /api/warehouse/load</c> instead of <c>load</c>.
/// </summary>
public abstract class WarehouseCommand<TSettings>(ToolEnvironment environment) : AsyncCommand<TSettings>
    where TSettings : WarehouseSettings
{
    protected ToolEnvironment Environment { get; } = environment;

    protected abstract string Verb { get; }

    public override async Task<int> ExecuteAsync(CommandContext context, TSettings settings, CancellationToken cancellationToken)
    {
        try
        {
            var configuration = settings.Configuration(Environment.Configuration);
            await using var services = new ServiceCollection()
                .AddLogging()
                .AddInsightsLake(configuration)
                .AddInsightsWarehouse(configuration)
                .BuildServiceProvider();
            return await RunAsync(services.GetRequiredService<WarehouseService>(), settings, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Environment.Error.WriteLineAsIs($"warehouse {Verb} failed: {ex.Message}");
            return ExitCodes.Failure;
        }
    }

    protected abstract Task<int> RunAsync(WarehouseService warehouse, TSettings settings, CancellationToken cancellationToken);
}
