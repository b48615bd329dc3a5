namespace Insights.Dimensions;

/// <summary>A video found by creator or hashtag in the video directory: who posted it and what it is about.</summary>
[GenerateSerializer, Immutable, Alias("insights.VideoMatch")]
public sealed record VideoMatch
{
    [Id(0)] public string VideoId { get; init; } = "";
    [Id(1)] public string Username { get; init; } = "";
    [Id(2)] public string? Description { get; init; }
    [Id(3)] public IReadOnlyList<string> Hashtags { get; init; } = [];
    [Id(4)] public DateTimeOffset CreateTime { get; init; }
}
