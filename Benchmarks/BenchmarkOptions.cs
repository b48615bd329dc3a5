namespace Insights.Benchmarks;

using System.Globalization;

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
    /// <summary>Rows pushed through each lake writer.</summary>
    public int LakeRows { get; init; } = 200_000;

    public const string Usage = """
        insights-benchmark: pushes generated comments through the real pipeline and through a plain loop.

          --comments N        distinct comments (default 1000000)
          --videos N          videos (default 1000)
          --seed N            generator seed (default 7)
          --request-size N    events per JSON batch (default 500)
          --publish-batch N   events per stream publish per video (default 50)
          --producers N       parallel producers (default: processor count)
          --lake-rows N       rows pushed through each lake writer (default 200000)
        """;

    public static BenchmarkOptions Parse(string[] args)
    {
        var o = new BenchmarkOptions();
        for (var i = 0; i < args.Length; i++)
        {
            int Next() => i + 1 < args.Length && int.TryParse(args[++i], NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0
                ? n
                : throw new ArgumentException($"{args[i - 1]} needs a positive whole number");
            o = args[i] switch
            {
                "--comments" => o with { Comments = Next() },
                "--videos" => o with { Videos = Next() },
                "--seed" => o with { Seed = Next() },
                "--request-size" => o with { RequestSize = Next() },
                "--publish-batch" => o with { PublishBatch = Next() },
                "--producers" => o with { Producers = Next() },
                "--lake-rows" => o with { LakeRows = Next() },
                _ => throw new ArgumentException($"unknown option '{args[i]}'\n{Usage}"),
            };
        }

        return o;
    }
}
