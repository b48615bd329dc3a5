namespace Insights.Benchmarks.Tests;

using Insights.Benchmarks.Cli;
using Spectre.Console.Testing;

/// <summary>The command line of <c>insights-benchmark</c>: what it refuses (exit 2, before any benchmark runs) and its help.</summary>
public sealed class BenchmarkCommandLineTests
{
    private static (int Code, string Output) Run(params string[] args)
    {
        var console = new TestConsole().Width(200);
        var code = BenchmarkApp.Create(console).Run(args);
        return (code, console.Output);
    }

    [Theory]
    [InlineData("--comments: 0 is not a positive whole number", "--comments", "0")]
    [InlineData("--producers: -2 is not a positive whole number", "--producers", "-2")]
    [InlineData("Unknown option or argument '--bogus'", "--bogus")]
    [InlineData("'videos' is defined but no value has been provided", "--videos")]
    [InlineData("Failed to convert 'many' to", "--videos", "many")]
    public void Bad_arguments_exit_2_saying_why(string said, params string[] args)
    {
        var (code, output) = Run(args);

        Assert.Equal(2, code);
        Assert.Contains(said, output, StringComparison.Ordinal);
    }

    [Fact]
    public void Help_lists_every_option_and_exits_0()
    {
        var (code, output) = Run("--help");

        Assert.Equal(0, code);
        foreach (var option in new[] { "--comments", "--videos", "--seed", "--request-size", "--publish-batch", "--producers", "--lake-rows", "--active-videos", "--all", "--pipeline", "--sentiment", "--language", "--warehouse", "--http", "--memory", "--durable", "--topics" })
        {
            Assert.Contains(option + " ", output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Sizes_not_given_keep_the_documented_defaults()
    {
        var defaults = new BenchmarkSettings().Options();
        var sized = new BenchmarkSettings { Comments = 2_000, Videos = 20, Producers = 3 }.Options();

        Assert.Equal((1_000_000, 1_000, 7, 500, 50, Environment.ProcessorCount, 200_000),
            (defaults.Comments, defaults.Videos, defaults.Seed, defaults.RequestSize, defaults.PublishBatch, defaults.Producers, defaults.LakeRows));
        Assert.Equal(new BenchmarkOptions { Comments = 2_000, Videos = 20, Producers = 3 }, sized);
    }

    [Theory]
    [InlineData(new string[0], new[] { "--pipeline" })]
    [InlineData(new[] { "--sentiment", "--warehouse" }, new[] { "--sentiment", "--warehouse" })]
    [InlineData(new[] { "--warehouse", "--comments", "10" }, new[] { "--warehouse" })]
    public void The_flags_choose_the_sections_and_the_pipeline_runs_when_none_is_given(string[] args, string[] expected)
    {
        var settings = Parse(args);

        Assert.Equal(expected.Order(), settings.SelectedFlags().Order());
    }

    [Fact]
    public void All_selects_every_section_there_is()
    {
        var settings = Parse("--all");

        Assert.Equal(Reporting.BenchmarkSections.All.Select(s => s.Flag).Order(), settings.SelectedFlags().Order());
        Assert.True(Reporting.BenchmarkSections.All.Count >= 3);
    }

    private static BenchmarkSettings Parse(params string[] args)
    {
        BenchmarkSettings? parsed = null;
        var app = new Spectre.Console.Cli.CommandApp<CapturingCommand>();
        CapturingCommand.Captured = settings => parsed = settings;
        var code = app.Run(args);
        return parsed ?? throw new InvalidOperationException($"not parsed (exit {code})");
    }

    private sealed class CapturingCommand : Spectre.Console.Cli.Command<BenchmarkSettings>
    {
        public static Action<BenchmarkSettings> Captured { get; set; } = _ => { };

        public override int Execute(Spectre.Console.Cli.CommandContext context, BenchmarkSettings settings, CancellationToken cancellationToken)
        {
            Captured(settings);
            return 0;
        }
    }
}
