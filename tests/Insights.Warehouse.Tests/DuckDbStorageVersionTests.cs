namespace Insights.Warehouse.Tests;

using DuckDB.NET.Data;

public sealed class DuckDbStorageVersionTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("v1.0.0")]
    public async Task A_new_warehouse_file_gets_the_configured_storage_version(string? version)
    {
        var lake = await ProcessedLake.Shared;
        using var work = lake.Copy();
        await using (var h = new Harness(work, settings: version is null ? null : new Dictionary<string, string?> { ["Insights:Warehouse:DuckDbStorageVersion"] = version }))
        {
            var (result, _) = await h.Warehouse.LoadAsync();
            Assert.Empty(result.Failures);
        }

        await using var connection = new DuckDBConnection($"Data Source={work.DuckDbPath}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT tags['storage_version'] FROM duckdb_databases() WHERE path = $path";
        command.Parameters.Add(new DuckDBParameter("path", work.DuckDbPath));
        var storage = (string)(await command.ExecuteScalarAsync())!;
        if (version is null)
        {
            // latest: newer than the v1.0 storage DuckDB writes by default.
            Assert.NotEqual("v1.0.0+", storage);
            Assert.StartsWith("v1.", storage, StringComparison.Ordinal);
        }
        else
        {
            Assert.Equal(version + "+", storage);
        }
    }

    [Theory]
    [InlineData("latest;access_mode=READ_ONLY")]
    [InlineData("1.0")]
    [InlineData("")]
    public void A_storage_version_that_is_not_one_stops_the_start(string version)
    {
        using var work = new WorkLake(TempFolder.Create("insights-warehouse-storage"));
        var error = Assert.Throws<InvalidOperationException>(() => new Harness(work, settings: new Dictionary<string, string?> { ["Insights:Warehouse:DuckDbStorageVersion"] = version }));
        Assert.Contains("DuckDbStorageVersion", error.Message, StringComparison.Ordinal);
    }
}
