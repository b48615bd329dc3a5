namespace Insights.Grains.Tests.Domain;

using Insights.Grains.Domain;

/// <summary>
/// Layouts from before the state was packed smaller, at their ids: a rolling window as a list of 88-byte buckets and
/// the term sketch with 64-bit counts and its names as strings (the recent comments' array-per-comment layout is
/// <see cref="LegacyPackedRecentCommentList"/>).
/// </summary>
[GenerateSerializer]
public sealed class LegacyListRollingWindow
{
    [Id(0)] public long BucketWidthTicks { get; set; }
    [Id(1)] public int BucketCount { get; set; }
    [Id(2)] public List<WindowBucket> Buckets { get; set; } = [];
}

[GenerateSerializer]
public sealed class LegacySketchTermCounter
{
    [Id(2)] public ulong[] Hashes { get; set; } = [];
    [Id(3)] public long[] Counts { get; set; } = [];
    [Id(4)] public int Used { get; set; }
    [Id(5)] public ulong[] NamedHashes { get; set; } = [];
    [Id(6)] public string[] Names { get; set; } = [];
}
