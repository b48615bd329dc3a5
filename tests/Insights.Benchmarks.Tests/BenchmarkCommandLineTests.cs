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
    [InlineData("--sentiment and --warehouse are separate benchmarks", "--sentiment", "--warehouse")]
    [InlineData("--comments sizes the pipeline benchmark; --sentiment takes no option", "--sentiment", "--comments", "10")]
    [InlineData("--lake-rows sizes the pipeline benchmark; --warehouse takes no option", "--warehouse", "--lake-rows", "10")]
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
        foreach (var option in new[] { "--comments", "--videos", "--seed", "--request-size", "--publish-batch", "--producers", "--lake-rows", "--sentiment", "--warehouse" })
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
}
