namespace Insights.Stats;

/// <summary>What the video grain set aside rather than counted, so nothing is dropped silently.</summary>
[GenerateSerializer, Immutable, Alias("insights.IngestCounters")]
public sealed record IngestCounters
{
    /// <summary>Comments whose id had been counted already.</summary>
    [Id(0)] public long DuplicateComments { get; init; }
    /// <summary>Engagement observations that raised no counter (repeated or out of order).</summary>
    [Id(1)] public long StaleObservations { get; init; }
    /// <summary>Events too old for some window; they still count in totals.</summary>
    [Id(2)] public long LateEvents { get; init; }
}
