namespace Insights.Grains.Topics;

/// <summary>
/// The topics grain's persisted state: per day, what its last build saw and found, so a restarted silo neither
/// rebuilds an unchanged day nor loses the day's comment count; and the last day whose final build is done.
/// </summary>
[GenerateSerializer, Alias("insights.TopicsGrainState")]
public sealed class TopicsGrainState
{
    [Id(0)] public Dictionary<DateOnly, TopicDayBuild> Days { get; set; } = [];

    /// <summary>The last day built once more after its midnight (with everything it ingested); null before the first.</summary>
    [Id(1)] public DateOnly? FinalBuildDone { get; set; }
}

/// <summary>The last build of one day.</summary>
[GenerateSerializer, Alias("insights.TopicDayBuild")]
public sealed class TopicDayBuild
{
    [Id(0)] public string Fingerprint { get; set; } = "";
    [Id(1)] public int Files { get; set; }
    [Id(2)] public long Comments { get; set; }
    [Id(3)] public long TrainingComments { get; set; }
    [Id(4)] public long Assigned { get; set; }
    [Id(5)] public int Topics { get; set; }
    [Id(6)] public string Model { get; set; } = "";
}
