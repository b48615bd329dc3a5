namespace Insights.Topics;

/// <summary>What one topic build did (<c>POST /api/topics/build</c>, and each scheduled build).</summary>
[GenerateSerializer, Immutable, Alias("insights.TopicBuildReport")]
public sealed record TopicBuildReport
{
    [Id(0)] public DateOnly Date { get; init; }
    /// <summary><c>api</c> or <c>reminder</c>.</summary>
    [Id(1)] public string Trigger { get; init; } = "";
    [Id(2)] public DateTimeOffset StartedAt { get; init; }
    [Id(3)] public double DurationSeconds { get; init; }
    /// <summary>True when nothing new had landed since the last build of the day, so nothing was rebuilt.</summary>
    [Id(4)] public bool Unchanged { get; init; }
    /// <summary>Processed comment files read.</summary>
    [Id(5)] public int Files { get; init; }
    [Id(6)] public long Comments { get; init; }
    /// <summary>Comments the model was fitted on (a sample when the day has more than the limit).</summary>
    [Id(7)] public long TrainingComments { get; init; }
    /// <summary>Comments assigned to a topic (the others had nothing to go on).</summary>
    [Id(8)] public long Assigned { get; init; }
    [Id(9)] public int Topics { get; init; }
    [Id(10)] public string Model { get; init; } = "";
}
