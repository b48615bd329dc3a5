namespace Insights.Generator.Tests;

public class CommandLineTests
{
    [Fact]
    public void Defaults()
    {
        var cl = GeneratorCommandLine.Parse([]);

        Assert.Equal(new Uri("http://localhost:5080/"), cl.Api);
        Assert.Equal(new GeneratorOptions(), cl.Generator);
        Assert.False(cl.StartGiven);
        Assert.True(cl.Live);
        Assert.Equal(500, cl.BatchSize);
        Assert.Equal(4, cl.Parallelism);
        Assert.Equal("data/truth.json", cl.TruthPath);
    }

    [Fact]
    public void Parses_every_option()
    {
        var cl = GeneratorCommandLine.Parse(
        [
            "--api", "http://api:8080/base", "--seed", "7", "--creators", "5", "--videos=20", "--comments", "1_000",
            "--span", "1h30m", "--start", "2026-11-24T00:00:00Z", "--truth", "t.json", "--out", "e.jsonl", "--batch", "250",
            "--parallel", "2", "--duplicates", "0.1", "--repeats", "0.05", "--out-of-order", "0.03", "--interval", "30s",
            "--mix", "60/30/10", "--viral", "0.1", "--no-live",
        ]);

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
        Assert.False(cl.Live);
    }

    [Fact]
    public void Only_an_output_file_means_nothing_is_sent()
    {
        Assert.Null(GeneratorCommandLine.Parse(["--out", "events.jsonl"]).Api);
        Assert.NotNull(GeneratorCommandLine.Parse(["--out", "events.jsonl", "--api", "http://localhost:5080"]).Api);
    }

    [Fact]
    public void The_default_start_puts_half_the_span_in_the_past()
    {
        var now = new DateTimeOffset(2026, 11, 24, 10, 0, 0, 500, TimeSpan.Zero);
        var live = GeneratorCommandLine.Parse(["--span", "2h"]).ResolveOptions(now);
        var backlogOnly = GeneratorCommandLine.Parse(["--span", "2h", "--no-live"]).ResolveOptions(now);
        var given = GeneratorCommandLine.Parse(["--start", "1795478400"]).ResolveOptions(now);

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
    public void Parses_durations(string text, double minutes) =>
        Assert.Equal(TimeSpan.FromMinutes(minutes), GeneratorCommandLine.Duration("--span", text));

    [Theory]
    [InlineData("--bogus")]
    [InlineData("--seed")]
    [InlineData("--seed", "x")]
    [InlineData("--videos", "-1")]
    [InlineData("--span", "2 hours")]
    [InlineData("--duplicates", "2")]
    [InlineData("--mix", "45/30")]
    [InlineData("--batch", "6000")]
    [InlineData("--api", "ftp://x")]
    [InlineData("--start", "yesterday")]
    public void Refuses_bad_arguments(params string[] args) =>
        Assert.Throws<ArgumentException>(() => GeneratorCommandLine.Parse(args));

    [Fact]
    public void Help()
    {
        Assert.True(GeneratorCommandLine.Parse(["--help"]).Help);
        Assert.True(GeneratorCommandLine.Parse(["-h"]).Help);
        Assert.Contains("--no-live", GeneratorCommandLine.Usage);
    }
}
