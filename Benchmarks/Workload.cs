namespace Insights.Benchmarks;

using Insights.Generator;
using Insights.Wire;

/// <summary>Generated comments as they arrive at ingestion: JSON batches, duplicates included, plus the truth.</summary>
public sealed class Workload
{
    private IReadOnlyList<WireEvent>? _comments;
    private readonly int _requestSize;

    private Workload(IReadOnlyList<WireEvent> comments, int requestSize, IReadOnlyList<byte[]> batches, int events, int distinctComments,
        IReadOnlyDictionary<string, long> commentsPerVideo)
    {
        _comments = comments;
        _requestSize = requestSize;
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
        return new Workload(comments, options.RequestSize, batches, comments.Count, (int)perVideo.Values.Sum(), perVideo);
    }

    /// <summary>
    /// The same comments in the same order, split by video into <paramref name="count"/> partitions (as a hub's
    /// partition key splits them), each serialized into batches of the request size.
    /// </summary>
    public IReadOnlyList<IReadOnlyList<byte[]>> Partitioned(int count) =>
        (_comments ?? throw new InvalidOperationException("The workload's events were dropped; partition before dropping them."))
            .GroupBy(e => (int)((uint)StringComparer.Ordinal.GetHashCode(e.VideoId!) % (uint)count))
            .OrderBy(g => g.Key)
            .Select(g => (IReadOnlyList<byte[]>)g.Chunk(_requestSize).Select(chunk => WireJson.SerializeBatch([.. chunk])).ToList())
            .ToList();

    /// <summary>
    /// Lets the parsed events go once every partitioning is done: a million of them are some 400 MB that the garbage
    /// collector would otherwise trace through while the pipeline runs, a cost that is the benchmark's, not the pipeline's.
    /// </summary>
    public void DropEvents() => _comments = null;
}
