namespace Insights.Generator.Tests;

using System.Text.Json;
using Insights.Generator.Cli;
using Spectre.Console.Testing;

public class CommandLineTests
{
    [Fact]
    public void Defaults()
    {
        var cl = CommandLines.Parse();

        Assert.Equal(new Uri("http://localhost:5080/"), cl.Api);
        Assert.Equal(GeneratorSink.Http, cl.Sink);
        Assert.Equal(new GeneratorOptions(), cl.Generator);
        Assert.False(cl.StartGiven);
        Assert.True(cl.Live);
        Assert.Equal(500, cl.BatchSize);
        Assert.Equal(4, cl.Parallelism);
        Assert.Equal("data/truth.json", cl.TruthPath);
        Assert.Equal("video-events", cl.Hub);
    }

    [Fact]
    public void Parses_every_option()
    {
        var cl = CommandLines.Parse(
            "--api", "http://api:8080/base", "--seed", "7", "--creators", "5", "--videos=20", "--comments", "1000",
            "--span", "1h30m", "--start", "2026-11-24T00:00:00Z", "--truth", "t.json", "--out", "e.jsonl", "--batch", "250",
            "--parallel", "2", "--duplicates", "0.1", "--repeats", "0.05", "--out-of-order", "0.03", "--interval", "30s",
            "--mix", "60/30/10", "--viral", "0.1", "--themes", "0.25", "--no-live");

        Assert.Equal(new Uri("http://api:8080/base/"), cl.Api);
        var g = cl.Generator;
        Assert.Equal((7, 5, 20, 1_000), (g.Seed, g.Creators, g.Videos, g.Comments));
        Assert.Equal(TimeSpan.FromMinutes(90), g.Span);
        Assert.Equal(new DateTimeOffset(2026, 11, 24, 0, 0, 0, TimeSpan.Zero), g.Start);
        Assert.True(cl.StartGiven);
        Assert.Equal(("t.json", "e.jsonl", 250, 2), (cl.TruthPath, cl.OutPath, cl.BatchSize, cl.Parallelism));
        Assert.Equal((0.1, 0.05, 0.03), (g.DuplicateRate, g.EngagementRepeatRate, g.EngagementOutOfOrderRate));
        Assert.Equal(TimeSpan.FromSeconds(30), g.EngagementInterval);
        Assert.Equal((60.0, 30.0, 10.0), (g.PositiveShare, g.NeutralShare, g.NegativeShare));
        Assert.Equal(0.1, g.ViralRate);
        Assert.Equal(0.25, g.ThemeRate);
        Assert.False(cl.Live);
    }

    [Fact]
    public void Only_an_output_file_means_nothing_is_sent()
    {
        var only = CommandLines.Parse("--out", "events.jsonl");
        Assert.Null(only.Api);
        Assert.Equal(GeneratorSink.None, only.Sink);
        Assert.NotNull(CommandLines.Parse("--out", "events.jsonl", "--api", "http://localhost:5080").Api);
    }

    [Fact]
    public void The_default_start_puts_half_the_span_in_the_past()
    {
        var now = new DateTimeOffset(2026, 11, 24, 10, 0, 0, 500, TimeSpan.Zero);
        var live = CommandLines.Parse("--span", "2h").ResolveOptions(now);
        var backlogOnly = CommandLines.Parse("--span", "2h", "--no-live").ResolveOptions(now);
        var given = CommandLines.Parse("--start", "1795478400").ResolveOptions(now);

        Assert.Equal(new DateTimeOffset(2026, 11, 24, 9, 0, 0, TimeSpan.Zero), live.Start);
        Assert.Equal(new DateTimeOffset(2026, 11, 24, 8, 0, 0, TimeSpan.Zero), backlogOnly.Start);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1795478400), given.Start);
    }

    [Theory]
    [InlineData("2h", 120)]
    [InlineData("90m", 90)]
    [InlineData("1h30m", 90)]
    [InlineData("1.5h", 90)]
    [InlineData("1d", 1440)]
    [InlineData("01:30:00", 90)]
    public void Parses_durations(string text, double minutes)
    {
        Assert.Equal(TimeSpan.FromMinutes(minutes), DurationConverter.Parse(text));
        Assert.Equal(TimeSpan.FromMinutes(minutes), CommandLines.Parse("--span", text).Generator.Span);
    }

    [Theory]
    [InlineData("'--bogus'", "--bogus")]
    [InlineData("'stray'", "stray")]
    [InlineData("'seed' is defined but no value has been provided", "--seed")]
    [InlineData("x", "--seed", "x")]
    [InlineData("--videos", "--videos", "-1")]
    [InlineData("not a duration like 90m", "--span", "2 hours")]
    [InlineData("--duplicates", "--duplicates", "2")]
    [InlineData("--themes: 1.5 is not a rate in [0, 1].", "--themes", "1.5")]
    [InlineData("--mix", "--mix", "45/30")]
    [InlineData("--batch", "--batch", "6000")]
    [InlineData("--parallel", "--parallel", "0")]
    [InlineData("--api", "--api", "ftp://x")]
    [InlineData("--api-key", "--api-key", " ")]
    [InlineData("not an ISO 8601 time", "--start", "yesterday")]
    public void Refuses_bad_arguments_saying_what_is_wrong(string said, params string[] args) =>
        Assert.Contains(said, CommandLines.Error(args), StringComparison.Ordinal);

    [Fact]
    public void Help_lists_every_option_with_its_default_and_exits_0()
    {
        var console = new TestConsole().Width(250);

        var code = GeneratorApp.Create(console, StopSignals.None).Run(["--help"]);

        Assert.Equal(GeneratorExitCodes.Ok, code);
        foreach (var option in new[] { "--api", "--api-key", "--sink", "--namespace", "--hub", "--seed", "--creators", "--videos", "--comments", "--span", "--start", "--truth", "--out", "--batch", "--parallel", "--duplicates", "--repeats", "--out-of-order", "--interval", "--mix", "--viral", "--themes", "--no-live" })
        {
            Assert.Contains(option + " ", console.Output, StringComparison.Ordinal);
        }

        Assert.Contains("45/30/25", console.Output, StringComparison.Ordinal);
        Assert.Contains("data/truth.json", console.Output, StringComparison.Ordinal);
        Assert.Contains("130 stopped", console.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_arguments_exit_2_with_the_reason()
    {
        var console = new TestConsole().Width(250);

        var code = GeneratorApp.Create(console, StopSignals.None).Run(["--batch", "6000"]);

        Assert.Equal(GeneratorExitCodes.BadArguments, code);
        Assert.Contains("error:", console.Output, StringComparison.Ordinal);
        Assert.Contains("--batch: 6000 is not a whole number in [1, 5000].", console.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Writing_only_files_runs_the_whole_command_and_exits_0()
    {
        var folder = Directory.CreateTempSubdirectory("insights-generator-cli-");
        try
        {
            var events = Path.Combine(folder.FullName, "events.jsonl");
            var truth = Path.Combine(folder.FullName, "truth.json");
            var console = new TestConsole().Width(250);

            var code = await GeneratorApp.Create(console, StopSignals.None).RunAsync(
                ["--out", events, "--truth", truth, "--no-live", "--creators", "2", "--videos", "3", "--comments", "20", "--start", "2026-11-24T00:00:00Z"]);

            Assert.Equal(GeneratorExitCodes.Ok, code);
            var lines = await File.ReadAllLinesAsync(events);
            var expected = DatasetGenerator.Generate(new GeneratorOptions { Creators = 2, Videos = 3, Comments = 20, Start = new DateTimeOffset(2026, 11, 24, 0, 0, 0, TimeSpan.Zero) });
            Assert.Equal(expected.Events.Count, lines.Length);
            using var written = JsonDocument.Parse(await File.ReadAllTextAsync(truth));
            Assert.Equal(JsonValueKind.Object, written.RootElement.ValueKind);
            Assert.Contains("nothing sent", console.Output, StringComparison.Ordinal);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
