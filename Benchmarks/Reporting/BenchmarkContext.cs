namespace Insights.Benchmarks.Reporting;

/// <summary>What a benchmark section gets: where to print, where its figures go, the run's sizes.</summary>
public sealed record BenchmarkContext(TextWriter Output, BenchmarkReport Report, BenchmarkOptions Options, CancellationToken CancellationToken);
