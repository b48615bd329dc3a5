namespace Insights.Events;

/// <summary>
/// Anything that happens to one video. The stream of a video carries only these, keyed by <see cref="VideoId"/>.
/// </summary>
public abstract record VideoStreamEvent
{
    public string VideoId { get; init; } = "";

    /// <summary>When the API accepted the event; the clock for freshness, not for windows.</summary>
    public DateTimeOffset IngestedAt { get; init; }

    /// <summary>When the event happened at the source; windows are kept by this time.</summary>
    public abstract DateTimeOffset EventTime { get; }
}
