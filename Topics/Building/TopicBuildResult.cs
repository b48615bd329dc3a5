namespace Insights.Topics.Building;

using Insights.Lake.Records;

/// <summary>What one build of a day's topics did, and what it wrote (null when <see cref="Unchanged"/>).</summary>
public sealed record TopicBuildResult
{
    public DateOnly Date { get; init; }
    public DateTimeOffset StartedAt { get; init; }
    public TimeSpan Duration { get; init; }
    /// <summary>The day's comment files as this build saw them (<see cref="DayFingerprint"/>).</summary>
    public string Fingerprint { get; init; } = "";
    public bool Unchanged { get; init; }
    public int Files { get; init; }
    /// <summary>Files that could not be read and were skipped.</summary>
    public IReadOnlyList<string> UnreadableFiles { get; init; } = [];
    public long Comments { get; init; }
    public long TrainingComments { get; init; }
    public long Assigned { get; init; }
    public string Model { get; init; } = "";
    public StoredDayTopics? Topics { get; init; }
    public IReadOnlyList<VideoTopicRow> VideoTopics { get; init; } = [];
}
