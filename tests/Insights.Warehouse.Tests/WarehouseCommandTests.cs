namespace Insights.Warehouse.Tests;

using System.Globalization;
using Insights.Tools.Cli;
using Microsoft.Extensions.Configuration;
using Spectre.Console.Testing;

/// <summary><c>insights warehouse load|models|query</c> (Tools) on a processed zone built as production builds it.</summary>
public sealed class WarehouseCommandTests
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
        Assert.Contains("built 16 models as views", output, StringComparison.Ordinal);
        Assert.Contains("PASS  unique_source_insights_fact_comment_comment_id", output, StringComparison.Ordinal);
        Assert.Contains(" warned, 0 failed", output, StringComparison.Ordinal);

        (code, output, _) = await RunAsync(["query", "SELECT grain, COUNT(*) AS periods, SUM(comment_count) AS comments FROM video_sentiment_score GROUP BY grain ORDER BY grain", .. common]);
        Assert.Equal(0, code);
        var rows = output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split('│', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(cell => cell.Length > 0).ToArray())
            .Where(cells => cells.Length == 3)
            .ToList();
        Assert.Equal(["grain", "periods", "comments"], rows[0]);
        Assert.Equal(["day", lake.Comments.Count.ToString(CultureInfo.InvariantCulture)], [rows[1][0], rows[1][2]]);
        Assert.Equal(["hour", lake.Comments.Count.ToString(CultureInfo.InvariantCulture)], [rows[2][0], rows[2][2]]);
        Assert.EndsWith("(2 rows)", output.TrimEnd(), StringComparison.Ordinal);

        (code, _, var error) = await RunAsync(["query", "SELECT * FROM no_such_table", .. common]);
        Assert.Equal(1, code);
        Assert.Contains("warehouse query failed", error, StringComparison.Ordinal);

        (code, _, error) = await RunAsync(["load", "--set", "Insights:Warehouse:Provider=Oracle"]);
        Assert.Equal(1, code);
        Assert.Contains("Insights:Warehouse:Provider 'Oracle' is not supported", error, StringComparison.Ordinal);

        Assert.Equal(2, (await RunAsync(["frobnicate"])).Code);
        Assert.Equal(2, (await RunAsync(["query"])).Code);
        Assert.Equal(2, (await RunAsync(["load", "--duckdb-path"])).Code);
    }

    [Fact]
    public async Task Query_shows_the_top_topics_mart()
    {
        using var work = new WorkLake(TempFolder.Create("insights-warehouse-topics-cli"));
        await TopicFilesLake.WriteDayAsync(work.Processed, TopicTablesTests.Day1, TopicTablesTests.FirstDay);
        await TopicFilesLake.WriteDayAsync(work.Processed, TopicTablesTests.Day2, TopicTablesTests.SecondDay);
        var common = new[] { "--lake-path", work.Root, "--duckdb-path", work.DuckDbPath };
        Assert.Equal(0, (await RunAsync(["load", .. common])).Code);

        var (code, output, _) = await RunAsync(["query",
            "SELECT topic_rank, topic_id, comment_count, change FROM top_topics_daily WHERE topic_date = CAST('2026-11-24' AS DATE) ORDER BY topic_rank", .. common]);

        Assert.Equal(0, code);
        var rows = output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split('│', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(cell => cell.Length > 0).ToArray())
            .Where(cells => cells.Length == 4)
            .ToList();
        Assert.Equal(["topic_rank", "topic_id", "comment_count", "change"], rows[0]);
        Assert.Equal(["1", "T06", "150", "NULL"], rows[1]); // new today: no change
        Assert.Equal(["2", "T01", "120", "20"], rows[2]);
        Assert.EndsWith("(10 rows)", output.TrimEnd(), StringComparison.Ordinal);
    }

    private static async Task<(int Code, string Output, string Error)> RunAsync(string[] args)
    {
        var output = new TestConsole().Width(200);
        var error = new TestConsole().Width(200);
        var environment = new ToolEnvironment(error, TextReader.Null, new ConfigurationBuilder().Build(), _ => null, []);
        var code = await InsightsApp.RunAsync(output, environment, ["warehouse", .. args]);
        return (code, output.Output, error.Output);
    }
}
