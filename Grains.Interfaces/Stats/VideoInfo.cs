namespace Insights.Stats;

[GenerateSerializer, Immutable, Alias("insights.VideoInfo")]
public sealed record VideoInfo
{
    [Id(0)] public string Username { get; init; } = "";
    [Id(1)] public DateTimeOffset CreateTime { get; init; }
    [Id(2)] public string? RegionCode { get; init; }
    [Id(3)] public string? Description { get; init; }
    [Id(4)] public IReadOnlyList<string> Hashtags { get; init; } = [];
    [Id(5)] public string? MusicId { get; init; }
    [Id(6)] public int DurationSeconds { get; init; }
}
