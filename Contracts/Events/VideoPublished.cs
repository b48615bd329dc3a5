namespace Insights.Events;

/// <summary>Metadata of a video as TikTok describes it (fields of the Research API's video object).</summary>
public sealed record VideoPublished : VideoStreamEvent
{
    public string Username { get; init; } = "";
    public DateTimeOffset CreateTime { get; init; }
    public string? RegionCode { get; init; }
    public string? VideoDescription { get; init; }
    public IReadOnlyList<string> HashtagNames { get; init; } = [];
    public string? MusicId { get; init; }
    public int DurationSeconds { get; init; }

    public override DateTimeOffset EventTime => CreateTime;
}
