namespace Insights.Topics;

/// <summary>The topics of one UTC day (comments taken in that day), most comments first.</summary>
[GenerateSerializer, Immutable, Alias("insights.DayTopics")]
public sealed record DayTopics
{
    [Id(0)] public DateOnly Date { get; init; }
    /// <summary>When the topics were last built; null when no build of that day exists yet.</summary>
    [Id(1)] public DateTimeOffset? BuiltAt { get; init; }
    /// <summary>Comments the build read (those with a topic and those without).</summary>
    [Id(2)] public long Comments { get; init; }
    /// <summary>Name and version of the model.</summary>
    [Id(3)] public string Model { get; init; } = "";
    [Id(4)] public IReadOnlyList<TopicStats> Topics { get; init; } = [];
}
