namespace Insights.Dimensions;

/// <summary>A creator found by name in the video directory.</summary>
[GenerateSerializer, Immutable, Alias("insights.CreatorMatch")]
public sealed record CreatorMatch
{
    [Id(0)] public string Username { get; init; } = "";
    [Id(1)] public int Videos { get; init; }
    /// <summary>Creation time of the creator's newest video.</summary>
    [Id(2)] public DateTimeOffset LastVideoTime { get; init; }
}
