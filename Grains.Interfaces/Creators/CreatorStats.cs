namespace Insights.Creators;

using Insights.Stats;

/// <summary>What <c>GET /api/creators/{username}</c> answers: a creator's videos summed, as of their last reports.</summary>
[GenerateSerializer, Immutable, Alias("insights.CreatorStats")]
public sealed record CreatorStats
{
    [Id(0)] public string Username { get; init; } = "";
    /// <summary>Videos that reported to this creator.</summary>
    [Id(1)] public int Videos { get; init; }
    /// <summary>Sum of the videos' all-time totals.</summary>
    [Id(2)] public Totals Totals { get; init; } = new();
    /// <summary>(likes + comments + shares) / views over the summed totals.</summary>
    [Id(3)] public double EngagementRate { get; init; }
    /// <summary>Tallies summed; scores weighted by each video's scored comments.</summary>
    [Id(4)] public SentimentSummary Sentiment { get; init; } = new();
    /// <summary>5m, 1h and 24h summed across the videos with an event inside each.</summary>
    [Id(5)] public IReadOnlyDictionary<string, WindowStats> Windows { get; init; } = new Dictionary<string, WindowStats>();
    [Id(6)] public CreatorVideoOrder RankedBy { get; init; }
    [Id(7)] public IReadOnlyList<CreatorVideo> TopVideos { get; init; } = [];
    /// <summary>The newest event time among the videos.</summary>
    [Id(8)] public DateTimeOffset? LastEventTime { get; init; }
    [Id(9)] public DateTimeOffset AsOf { get; init; }
}
