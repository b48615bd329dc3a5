namespace Insights.Benchmarks;

/// <summary>The size and shape of the pipeline benchmark; the command line sets them (<see cref="Cli.BenchmarkSettings"/>).</summary>
public sealed record BenchmarkOptions
{
    public int Comments { get; init; } = 1_000_000;
    public int Videos { get; init; } = 1_000;
    public int Seed { get; init; } = 7;
    /// <summary>Events per JSON batch, as one ingest request would carry.</summary>
    public int RequestSize { get; init; } = 500;
    /// <summary>Events per stream publish: a producer buffers per video up to this many.</summary>
    public int PublishBatch { get; init; } = 50;
    public int Producers { get; init; } = Environment.ProcessorCount;
    /// <summary>Video grains the memory section activates on one silo.</summary>
    public int ActiveVideos { get; init; } = 1_000_000;
    /// <summary>Rows pushed through each lake writer.</summary>
    public int LakeRows { get; init; } = 200_000;
}
