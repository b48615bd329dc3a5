namespace Insights.Warehouse.Tests;

using Insights.Lake;
using Insights.Lake.Hosting;
using Insights.Warehouse.Hosting;
using Insights.Warehouse.Targets;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

/// <summary>A <see cref="WarehouseService"/> on a work lake and its DuckDB file, wired like the silo.</summary>
public sealed class Harness : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    public Harness(WorkLake work, Func<IWarehouseTargetFactory, IWarehouseTargetFactory>? decorate = null, ILakeStore? lake = null,
        IReadOnlyDictionary<string, string?>? settings = null)
    {
        Work = work;
        Configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Insights:Lake:Path"] = work.Root,
                ["Insights:Warehouse:DuckDbPath"] = work.DuckDbPath,
                ["Insights:Warehouse:TempPath"] = Path.Combine(work.Root, "tmp"),
            })
            .AddInMemoryCollection(settings ?? new Dictionary<string, string?>())
            .Build();
        var services = new ServiceCollection().AddLogging();
        if (lake is not null)
        {
            services.AddSingleton(lake);
        }

        services.AddInsightsLake(Configuration).AddInsightsWarehouse(Configuration);
        if (decorate is not null)
        {
            services.AddSingleton<WarehouseTargetFactory>();
            services.AddSingleton(sp => decorate(sp.GetRequiredService<WarehouseTargetFactory>()));
        }

        _services = services.BuildServiceProvider();
        Warehouse = _services.GetRequiredService<WarehouseService>();
    }

    public WorkLake Work { get; }

    public IConfiguration Configuration { get; }

    public WarehouseService Warehouse { get; }

    public async Task<long> CountAsync(string sql)
    {
        var result = await Warehouse.QueryAsync(sql);
        return QueryResult.ToInt64(result.Rows[0][0]);
    }

    public async Task<List<string>> StringsAsync(string sql) =>
        (await Warehouse.QueryAsync(sql)).Rows.Select(r => (string)r[0]!).ToList();

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}
