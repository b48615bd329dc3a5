namespace Insights.Warehouse.Tests;

using Insights.Warehouse.Cli;
using Microsoft.Extensions.Configuration;

/// <summary><c>insights warehouse load|models|query</c> (the Tools command hands its arguments to <see cref="WarehouseCli"/>).</summary>
public sealed class CliTests
{
    [Fact]
    public async Task Load_models_and_query_from_the_command_line()
    {
        var lake = await ProcessedLake.Shared;
        using var work = lake.Copy();
        var common = new[] { "--lake-path", work.Root, "--duckdb-path", work.DuckDbPath };

        var (code, output, _) = await RunAsync(["load", .. common]);
        Assert.Equal(0, code);
        Assert.Contains($"files: {lake.Files.Count} loaded, 0 removed, 0 unchanged", output, StringComparison.Ordinal);
        Assert.Contains($"comments {lake.Comments.Count:N0}", output, StringComparison.Ordinal);

        (code, output, _) = await RunAsync(["load", .. common]);
        Assert.Equal(0, code);
        Assert.Contains($"files: 0 loaded, 0 removed, {lake.Files.Count} unchanged", output, StringComparison.Ordinal);

        (code, output, _) = await RunAsync(["models", .. common]);
        Assert.Equal(0, code);
        Assert.Contains("built 9 models as views", output, StringComparison.Ordinal);
        Assert.Contains("PASS  unique_source_insights_fact_comment_comment_id", output, StringComparison.Ordinal);
        Assert.Contains(" warned, 0 failed", output, StringComparison.Ordinal);

        (code, output, _) = await RunAsync(["query", "SELECT grain, COUNT(*) AS periods, SUM(comment_count) AS comments FROM video_sentiment_score GROUP BY grain ORDER BY grain", .. common]);
        Assert.Equal(0, code);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal("grain | periods | comments", lines[0]);
        Assert.Matches($@"^day\s+\|\s+\d+ \|\s+{lake.Comments.Count}$", lines[2]);
        Assert.Matches($@"^hour\s+\|\s+\d+ \|\s+{lake.Comments.Count}$", lines[3]);
        Assert.Equal("(2 rows)", lines[4]);

        (code, _, var error) = await RunAsync(["query", "SELECT * FROM no_such_table", .. common]);
        Assert.Equal(1, code);
        Assert.Contains("warehouse query failed", error, StringComparison.Ordinal);

        (code, _, error) = await RunAsync(["load", "--set", "Insights:Warehouse:Provider=Oracle"]);
        Assert.Equal(1, code);
        Assert.Contains("Insights:Warehouse:Provider 'Oracle' is not supported", error, StringComparison.Ordinal);

        Assert.Equal(2, (await RunAsync(["frobnicate"])).Code);
        Assert.Equal(2, (await RunAsync(["query"])).Code);
    }

    private static async Task<(int Code, string Output, string Error)> RunAsync(string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await new WarehouseCli(output, error, new ConfigurationBuilder().Build()).RunAsync(args);
        return (code, output.ToString(), error.ToString());
    }
}
