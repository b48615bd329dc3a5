namespace Insights.Benchmarks.Reporting;

/// <summary>Every benchmark section, in the order <c>--all</c> runs them.</summary>
public static class BenchmarkSections
{
    public static IReadOnlyList<IBenchmarkSection> All { get; } =
    [
        new PipelineBenchmark(),
        new SentimentBenchmark(),
        new LanguageBenchmark(),
        new WarehouseBenchmark(),
        new Http.HttpIngestBenchmark(),
        new Memory.MemoryBenchmark(),
        new Durable.DurableBenchmark(),
        new TopicsBenchmark(),
    ];
}
