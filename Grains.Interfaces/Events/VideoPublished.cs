namespace Insights.Events;

/// <summary>Metadata of a video as TikTok describes it (fields of the Research API's video object).</summary>
[GenerateSerializer, Immutable, Alias("insights.VideoPublished")]
public sealed record VideoPublished : VideoStreamEvent
{
    [Id(0)] public string Username { get; init; } = "";
    [Id(1)] public DateTimeOffset CreateTime { get; init; }
    [Id(2)] public string? RegionCode { get; init; }
    [Id(3)] public string? VideoDescription { get; init; }
    [Id(4)] public IReadOnlyList<string> HashtagNames { get; init; } = [];
    [Id(5)] public string? MusicId { get; init; }
    [Id(6)] public int DurationSeconds { get; init; }

    public override DateTimeOffset EventTime => CreateTime;
}
