namespace Insights.Stats;

/// <summary>What <c>GET /api/videos/{id}</c> answers: the live state of one video.</summary>
[GenerateSerializer, Immutable, Alias("insights.VideoStats")]
public sealed record VideoStats
{
    [Id(0)] public string VideoId { get; init; } = "";
    [Id(1)] public VideoInfo? Video { get; init; }
    [Id(2)] public Totals Totals { get; init; } = new();
    [Id(3)] public double EngagementRate { get; init; }
    [Id(4)] public SentimentSummary Sentiment { get; init; } = new();
    [Id(5)] public IReadOnlyDictionary<string, WindowStats> Windows { get; init; } = new Dictionary<string, WindowStats>();
    [Id(6)] public IReadOnlyList<RecentComment> RecentComments { get; init; } = [];
    [Id(7)] public IReadOnlyList<TermCount> TopTerms { get; init; } = [];
    [Id(8)] public IReadOnlyList<TermCount> TopHashtags { get; init; } = [];
    /// <summary>When this video's state last changed (ingest clock).</summary>
    [Id(9)] public DateTimeOffset UpdatedAt { get; init; }
    /// <summary>The newest event time seen for this video.</summary>
    [Id(10)] public DateTimeOffset? LastEventTime { get; init; }
    [Id(11)] public IngestCounters Ingest { get; init; } = new();
}
