namespace Insights.Grains.Tests.Domain;

/// <summary>
/// The layout <c>VideoState</c> and its comment-id ring had before the archive (the fields that matter here, at
/// their ids), to check that state written then still loads and keeps its de-duplication.
/// </summary>
[GenerateSerializer]
public sealed class LegacyVideoState
{
    [Id(2)] public long Comments { get; set; }
    [Id(8)] public LegacyCommentIdSet? SeenComments { get; set; }
    [Id(12)] public DateTimeOffset UpdatedAt { get; set; }
    [Id(14)] public long Version { get; set; }
}

[GenerateSerializer]
public sealed class LegacyCommentIdSet
{
    [Id(0)] public ulong[] Ring { get; set; } = [];
    [Id(1)] public int Next { get; set; }
    [Id(2)] public int Count { get; set; }
    [Id(3)] public int Capacity { get; set; }
}

[GenerateSerializer]
public sealed class LegacyTermCounter
{
    [Id(0)] public Dictionary<string, long> Counts { get; set; } = [];
    [Id(1)] public int Capacity { get; set; }
}

[GenerateSerializer]
public sealed class LegacyRecentCommentList
{
    [Id(0)] public List<Insights.Stats.RecentComment> Items { get; set; } = [];
    [Id(1)] public int Capacity { get; set; }
}
