namespace Insights.Benchmarks.Tests;

using Insights.Benchmarks.Reporting;

/// <summary>The language section: it reports every figure it prints, for the identifier and the silo's default path.</summary>
public sealed class LanguageBenchmarkTests
{
    [Fact]
    public async Task Reports_the_identifier_both_ways_and_the_learned_model_alone_and_behind_it()
    {
        var output = new StringWriter();
        var report = new BenchmarkReport();

        await new LanguageBenchmark(TimeSpan.FromMilliseconds(70)).RunAsync(new BenchmarkContext(output, report, new BenchmarkOptions(), CancellationToken.None));

        foreach (var key in new[] { "language_identify_per_s_one_thread", "language_of_per_s_one_thread", "language_aware_learned_per_s_one_thread", "language_learned_alone_per_s_one_thread", "language_model_bytes" })
        {
            Assert.True(report.Figures[key] > 0, key);
        }

        var text = output.ToString();
        Assert.Contains("language only (the silo's call)", text, StringComparison.Ordinal);
        Assert.Contains("learned behind identification", text, StringComparison.Ordinal);
    }
}
