namespace Insights.Benchmarks;

using Insights.Generator;
using Insights.Wire;

/// <summary>Generated comments as they arrive at ingestion: JSON batches, duplicates included, plus the truth.</summary>
public sealed class Workload
{
    private Workload(IReadOnlyList<byte[]> batches, int events, int distinctComments, IReadOnlyDictionary<string, long> commentsPerVideo)
    {
        Batches = batches;
        Events = events;
        DistinctComments = distinctComments;
        CommentsPerVideo = commentsPerVideo;
    }

    public IReadOnlyList<byte[]> Batches { get; }

    public int Events { get; }

    public int DistinctComments { get; }

    public IReadOnlyDictionary<string, long> CommentsPerVideo { get; }

    public static Workload Create(BenchmarkOptions options)
    {
        var dataset = DatasetGenerator.Generate(new GeneratorOptions
        {
            Seed = options.Seed,
            Videos = options.Videos,
            Creators = Math.Max(1, options.Videos / 10),
            Comments = options.Comments,
            Start = DateTimeOffset.UtcNow.AddHours(-3),
            Span = TimeSpan.FromHours(2),
        });

        var comments = dataset.Events.Select(e => e.Event).Where(e => e.Type == WireFields.TypeComment).ToList();
        var batches = comments.Chunk(options.RequestSize).Select(chunk => WireJson.SerializeBatch([.. chunk])).ToList();
        var perVideo = dataset.Truth.Videos.Where(v => v.Comments > 0).ToDictionary(v => v.VideoId, v => v.Comments);
        return new Workload(batches, comments.Count, (int)perVideo.Values.Sum(), perVideo);
    }
}
