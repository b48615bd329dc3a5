namespace Insights.Series;

/// <summary>
/// A video's figures over time: every bucket from <see cref="From"/> to <see cref="To"/> in order, the empty ones
/// included with zeros, so a chart has a continuous time axis.
/// </summary>
[GenerateSerializer, Immutable, Alias("insights.VideoSeries")]
public sealed record VideoSeries
{
    /// <summary><c>5m</c>, <c>1h</c> or <c>24h</c> for a live window; <c>hour</c> or <c>day</c> for a warehouse range.</summary>
    [Id(0)] public string Window { get; init; } = "";
    /// <summary>Where the buckets come from: <see cref="SeriesSources.Grain"/> or <see cref="SeriesSources.Warehouse"/>.</summary>
    [Id(1)] public string Source { get; init; } = "";
    /// <summary>Width of each bucket.</summary>
    [Id(2)] public int BucketSeconds { get; init; }
    /// <summary>Start of the first bucket.</summary>
    [Id(3)] public DateTimeOffset From { get; init; }
    /// <summary>End of the series: now for a live window, the end of the range for a warehouse one.</summary>
    [Id(4)] public DateTimeOffset To { get; init; }
    [Id(5)] public IReadOnlyList<SeriesBucket> Buckets { get; init; } = [];
}
