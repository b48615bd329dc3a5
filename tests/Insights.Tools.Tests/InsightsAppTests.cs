namespace Insights.Tools.Tests;

/// <summary>The <c>insights</c> command line: its commands, their help, and exit codes for what it refuses.</summary>
public sealed class InsightsAppTests
{
    [Fact]
    public async Task Help_lists_every_command_and_exits_0()
    {
        var (code, output, _) = await ToolRun.RunAsync("", "--help");

        Assert.Equal(0, code);
        foreach (var command in new[] { "replay", "quality", "language", "sentiment", "warehouse", "auth", "migrate-state", "topics" })
        {
            Assert.Contains(command + " ", output, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(new[] { "replay" }, new[] { "--from", "--to", "--lake-path", "--set" })]
    [InlineData(new[] { "quality" }, new[] { "[FILE]", "--analyzer", "learned" })]
    [InlineData(new[] { "sentiment", "train" }, new[] { "--data", "--output", "--seed", "--subsample", "--no-write", "--l1", "--l2", "--hash-bits" })]
    [InlineData(new[] { "warehouse", "load" }, new[] { "--lake-path", "--duckdb-path", "--set" })]
    [InlineData(new[] { "warehouse", "models" }, new[] { "--no-tests", "--duckdb-path" })]
    [InlineData(new[] { "warehouse", "query" }, new[] { "<SQL>", "--max-rows", "100" })]
    [InlineData(new[] { "auth", "new-key" }, new[] { "--name", "--scopes", "ingest,read", "--index" })]
    [InlineData(new[] { "auth", "hash-key" }, new[] { "[KEY]" })]
    [InlineData(new[] { "topics" }, new[] { "--date", "--build", "--limit", "--lake-path", "--set" })]
    [InlineData(new[] { "migrate-state" }, new[] { "--connection-string", "--account-url", "--container", "grainstate", "--delete-legacy", "--dry-run" })]
    public async Task Each_command_documents_its_options_and_defaults(string[] command, string[] documented)
    {
        var (code, output, _) = await ToolRun.RunAsync("", [.. command, "--help"]);

        Assert.Equal(0, code);
        foreach (var text in documented)
        {
            Assert.Contains(text, output, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("Unknown command 'frobnicate'", "frobnicate")]
    [InlineData("Unknown option or argument '--bogus'", "replay", "--bogus")]
    [InlineData("'stray'", "replay", "stray")]
    [InlineData("'duckdb-path' is defined but no value has been provided", "warehouse", "load", "--duckdb-path")]
    [InlineData("--to must be after --from", "replay", "--from", "2026-11-24T06:00Z", "--to", "2026-11-24T05:00Z")]
    [InlineData("'yesterday' is not an ISO 8601 time", "replay", "--from", "yesterday")]
    [InlineData("--set: 'Insights:Lake:Path' is not Key=Value", "replay", "--set", "Insights:Lake:Path")]
    [InlineData("'vader' is not learned, lexicon or azure", "quality", "--analyzer", "vader")]
    [InlineData("missing required argument 'SQL'", "warehouse", "query")]
    [InlineData("--max-rows: 0 is not a whole number of at least 1", "warehouse", "query", "SELECT 1", "--max-rows", "0")]
    [InlineData("Give one of --connection-string and --account-url", "migrate-state")]
    [InlineData("--date: 'yesterday' is not a date like 2026-12-04", "topics", "--date", "yesterday")]
    [InlineData("--limit: 0 is not a whole number of at least 1", "topics", "--limit", "0")]
    public async Task Bad_arguments_exit_2_saying_why(string said, params string[] args)
    {
        var (code, _, error) = await ToolRun.RunAsync("", args);

        Assert.Equal(2, code);
        Assert.Contains(said, error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Replay_with_a_time_without_offset_reads_it_as_UTC_and_rebuilds_an_empty_lake()
    {
        var lake = Directory.CreateTempSubdirectory("insights-tools-replay-");
        try
        {
            var (code, output, error) = await ToolRun.RunAsync("", "replay", "--from", "2026-11-24T05:00", "--to", "2026-11-24T06:00", "--lake-path", lake.FullName);

            Assert.True(code == 0, error);
            Assert.Contains("ingest hours 2026-11-24T05:00:00.0000000+00:00 to 2026-11-24T06:00:00.0000000+00:00", output, StringComparison.Ordinal);
            Assert.Contains("0 raw events read", output, StringComparison.Ordinal);
        }
        finally
        {
            lake.Delete(recursive: true);
        }
    }
}
