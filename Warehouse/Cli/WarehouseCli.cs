namespace Insights.Warehouse.Cli;

using System.Globalization;
using Insights.Lake;
using Insights.Lake.Hosting;
using Insights.Warehouse.Hosting;
using Insights.Warehouse.Modeling;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

/// <summary>
/// <c>insights warehouse load|models|query</c>: the warehouse from the command line, configured like the silo
/// (environment variables <c>Insights__Warehouse__...</c>, <c>--set Key=Value</c>). The Tools project's
/// <c>WarehouseCommand</c> hands its arguments here.
/// </summary>
public sealed class WarehouseCli(TextWriter output, TextWriter error, IConfiguration? baseConfiguration = null)
{
    public const string Usage = """
        insights warehouse load   [--lake-path PATH] [--duckdb-path PATH] [--set Key=Value ...]
        insights warehouse models [--no-tests] [--duckdb-path PATH] [--set Key=Value ...]
        insights warehouse query "SQL" [--max-rows N] [--duckdb-path PATH] [--set Key=Value ...]

          load     load new and changed processed-zone Parquet files into the warehouse (files gone from the lake
                   have their rows removed; unchanged files are skipped), then build the dbt models
          models   (re)create the dbt models of Warehouse/dbt as views, in dependency order, and run their tests
                   (unique, not_null, relationships, accepted_values); exit code 1 if a test fails
          query    run one SQL statement and print the result as a table

          --lake-path PATH     the local lake folder (Insights:Lake:Path; default data/lake)
          --duckdb-path PATH   the DuckDB file (Insights:Warehouse:DuckDbPath; default data/warehouse/insights.duckdb)
          --set Key=Value      any configuration key, e.g. --set Insights:Warehouse:Provider=Synapse
        Configuration also comes from environment variables (Insights__Warehouse__Provider=Synapse,
        Insights__Warehouse__Synapse__ConnectionString=...). DuckDB lets one process write a database file at a
        time: while the silo is loading, use POST /api/warehouse/load instead of 'load'.
        """;

    public async Task<int> RunAsync(IReadOnlyList<string> args, CancellationToken cancellationToken = default)
    {
        if (args.Count == 0 || args[0] is "-h" or "--help" or "help")
        {
            output.WriteLine(Usage);
            return args.Count == 0 ? 2 : 0;
        }

        var verb = args[0];
        var settings = new Dictionary<string, string?>();
        string? sql = null;
        var maxRows = 100;
        var runTests = true;
        try
        {
            for (var i = 1; i < args.Count; i++)
            {
                string Value() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
                switch (args[i])
                {
                    case "--lake-path": settings[LakeOptions.SectionName + ":Path"] = Value(); break;
                    case "--duckdb-path": settings[WarehouseOptions.SectionName + ":DuckDbPath"] = Value(); break;
                    case "--max-rows": maxRows = int.Parse(Value(), CultureInfo.InvariantCulture); break;
                    case "--no-tests": runTests = false; break;
                    case "--set":
                        var pair = Value().Split('=', 2);
                        settings[pair[0]] = pair.Length == 2 ? pair[1] : throw new ArgumentException("--set takes Key=Value");
                        break;
                    case "-h" or "--help":
                        output.WriteLine(Usage);
                        return 0;
                    default:
                        if (verb == "query" && sql is null && !args[i].StartsWith("--", StringComparison.Ordinal))
                        {
                            sql = args[i];
                            break;
                        }

                        throw new ArgumentException($"unknown option '{args[i]}'");
                }
            }

            if (verb is not ("load" or "models" or "query"))
            {
                throw new ArgumentException($"unknown warehouse command '{verb}'");
            }

            if (verb == "query" && string.IsNullOrWhiteSpace(sql))
            {
                throw new ArgumentException("query needs the SQL to run, in quotes");
            }
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or OverflowException)
        {
            error.WriteLine(ex.Message);
            error.WriteLine(Usage);
            return 2;
        }

        var builder = new ConfigurationBuilder();
        if (baseConfiguration is not null)
        {
            builder.AddConfiguration(baseConfiguration);
        }
        else
        {
            builder.AddEnvironmentVariables();
        }

        var configuration = builder.AddInMemoryCollection(settings).Build();
        try
        {
            await using var services = new ServiceCollection()
                .AddLogging()
                .AddInsightsLake(configuration)
                .AddInsightsWarehouse(configuration)
                .BuildServiceProvider();
            var warehouse = services.GetRequiredService<WarehouseService>();
            return verb switch
            {
                "load" => await LoadAsync(warehouse, cancellationToken),
                "models" => await ModelsAsync(warehouse, runTests, cancellationToken),
                _ => await QueryAsync(warehouse, sql!, maxRows, cancellationToken),
            };
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            error.WriteLine($"warehouse {verb} failed: {ex.Message}");
            return 1;
        }
    }

    private async Task<int> LoadAsync(WarehouseService warehouse, CancellationToken cancellationToken)
    {
        var (result, models) = await warehouse.LoadAsync(cancellationToken);
        output.WriteLine($"loaded {warehouse.Lake.Description} (processed zone) into {result.Target} in {result.Duration.TotalSeconds:0.0} s:");
        output.WriteLine($"  files: {result.FilesLoaded:N0} loaded, {result.FilesRemoved:N0} removed, {result.FilesUnchanged:N0} unchanged, "
            + $"{result.FilesSkipped:N0} skipped, {result.Failures.Count:N0} failed");
        var byDataset = result.RowsByDataset.Count == 0
            ? ""
            : " (" + string.Join(", ", result.RowsByDataset.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => $"{kv.Key} {kv.Value:N0}")) + ")";
        output.WriteLine($"  rows:  {result.RowsLoaded:N0} loaded{byDataset}, {result.RowsRemoved:N0} removed; {result.DatesAdded} dates added to dim_date");
        if (models > 0)
        {
            output.WriteLine($"  models: {models} views built (run 'insights warehouse models' for the tests)");
        }

        foreach (var failure in result.Failures)
        {
            error.WriteLine("  failed: " + failure);
        }

        return result.Failures.Count == 0 ? 0 : 1;
    }

    private async Task<int> ModelsAsync(WarehouseService warehouse, bool runTests, CancellationToken cancellationToken)
    {
        var result = await warehouse.RunModelsAsync(runTests, cancellationToken);
        output.WriteLine($"built {result.Models.Count} models as views: {string.Join(", ", result.Models)}");
        foreach (var test in result.Tests)
        {
            var detail = test.Status switch
            {
                DbtTestStatus.Pass => "",
                DbtTestStatus.Error => ": " + test.Error,
                _ => $" ({test.Failures:N0} failing rows)",
            };
            output.WriteLine($"  {test.Status.ToString().ToUpperInvariant(),-5} {test.Name}{detail}");
        }

        if (runTests)
        {
            output.WriteLine($"{result.Tests.Count(t => t.Status == DbtTestStatus.Pass)} passed, {result.Tests.Count(t => t.Status == DbtTestStatus.Warn)} warned, "
                + $"{result.Tests.Count(t => t.Status is DbtTestStatus.Fail or DbtTestStatus.Error)} failed");
        }

        return result.Succeeded ? 0 : 1;
    }

    private async Task<int> QueryAsync(WarehouseService warehouse, string sql, int maxRows, CancellationToken cancellationToken)
    {
        var result = await warehouse.QueryAsync(sql, null, cancellationToken);
        output.WriteLine(TextTable.Format(result, maxRows));
        return 0;
    }
}
