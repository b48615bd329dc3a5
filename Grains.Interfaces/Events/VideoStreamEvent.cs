namespace Insights.Events;

/// <summary>
/// Anything that happens to one video. The stream of a video carries only these, keyed by <see cref="VideoId"/>.
/// </summary>
[GenerateSerializer, Immutable, Alias("insights.VideoStreamEvent")]
public abstract record VideoStreamEvent
{
    [Id(0)] public string VideoId { get; init; } = "";

    /// <summary>When the API accepted the event; the clock for freshness, not for windows.</summary>
    [Id(1)] public DateTimeOffset IngestedAt { get; init; }

    /// <summary>When the event happened at the source; windows are kept by this time.</summary>
    public abstract DateTimeOffset EventTime { get; }
}
