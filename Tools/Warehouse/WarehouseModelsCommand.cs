namespace Insights.Tools.Warehouse;

using global::Insights.Warehouse;
using global::Insights.Warehouse.Modeling;
using Insights.Tools.Cli;
using Spectre.Console;

/// <summary>
/// <c>insights warehouse models</c>: (re)creates the dbt models as views in dependency order and runs their tests;
/// exit code 1 if a test fails.
/// </summary>
public sealed class WarehouseModelsCommand(IAnsiConsole console, ToolEnvironment environment) : WarehouseCommand<WarehouseModelsSettings>(environment)
{
    protected override string Verb => "models";

    protected override async Task<int> RunAsync(WarehouseService warehouse, WarehouseModelsSettings settings, CancellationToken cancellationToken)
    {
        var runTests = !settings.NoTests;
        var result = await warehouse.RunModelsAsync(runTests, cancellationToken);
        console.WriteLineAsIs($"built {result.Models.Count} models as views: {string.Join(", ", result.Models)}");
        foreach (var test in result.Tests)
        {
            var detail = test.Status switch
            {
                DbtTestStatus.Pass => "",
                DbtTestStatus.Error => ": " + test.Error,
                _ => $" ({test.Failures:N0} failing rows)",
            };
            console.WriteLineAsIs($"  {test.Status.ToString().ToUpperInvariant(),-5} {test.Name}{detail}");
        }

        if (runTests)
        {
            console.WriteLineAsIs($"{result.Tests.Count(t => t.Status == DbtTestStatus.Pass)} passed, {result.Tests.Count(t => t.Status == DbtTestStatus.Warn)} warned, "
                + $"{result.Tests.Count(t => t.Status is DbtTestStatus.Fail or DbtTestStatus.Error)} failed");
        }

        return result.Succeeded ? ExitCodes.Ok : ExitCodes.Failure;
    }
}
