namespace Insights.Benchmarks.Reporting;

/// <summary>One part of the benchmark, chosen on the command line by <see cref="Flag"/> (all of them with <c>--all</c>).</summary>
public interface IBenchmarkSection
{
    /// <summary>The command-line flag that selects this section, e.g. <c>--sentiment</c>.</summary>
    string Flag { get; }

    Task RunAsync(BenchmarkContext context);
}
