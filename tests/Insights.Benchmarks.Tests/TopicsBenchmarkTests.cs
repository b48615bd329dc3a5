namespace Insights.Benchmarks.Tests;

using Insights.Benchmarks.Reporting;

/// <summary>The topics section on a small day: it reports every figure it prints, and the model finds the themes.</summary>
public sealed class TopicsBenchmarkTests
{
    [Fact]
    public async Task A_small_day_reports_the_build_rates_and_the_quality()
    {
        var output = new StringWriter();
        var report = new BenchmarkReport();

        await new TopicsBenchmark().RunAsync(new BenchmarkContext(output, report, new BenchmarkOptions { Comments = 4_000, Videos = 30 }, CancellationToken.None));

        foreach (var key in new[] { "topics_tokenize_per_s_one_thread", "topics_fit_per_s_one_thread", "topics_assign_per_s_one_thread", "topics_build_per_s_one_thread" })
        {
            Assert.True(report.Figures[key] > 0, key);
        }

        Assert.InRange(report.Figures["topics_purity"], 0.5, 1.0);
        Assert.InRange(report.Figures["topics_nmi"], 0.0, 1.0);
        Assert.Contains("purity", output.ToString(), StringComparison.Ordinal);
    }
}
