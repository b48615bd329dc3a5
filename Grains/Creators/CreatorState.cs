namespace Insights.Grains.Creators;

/// <summary>Everything a creator grain persists: the latest snapshot of each of its videos, by video id.</summary>
[GenerateSerializer]
public sealed class CreatorState
{
    [Id(0)] public Dictionary<string, CreatorVideoSnapshot> Videos { get; set; } = new(StringComparer.Ordinal);
}
