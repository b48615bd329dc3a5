namespace Insights.Grains.Creators;

using Insights.Stats;

/// <summary>
/// What a creator's roll-up keeps of one video: its latest report, without anything that grows with the video (the
/// description is cut, the windows are the three standard ones).
/// </summary>
[GenerateSerializer, Immutable, Alias("insights.CreatorVideoSnapshot")]
public sealed record CreatorVideoSnapshot
{
    [Id(0)] public string VideoId { get; init; } = "";
    [Id(1)] public string? Description { get; init; }
    [Id(2)] public DateTimeOffset CreateTime { get; init; }
    [Id(3)] public Totals Totals { get; init; } = new();
    [Id(4)] public SentimentSummary Sentiment { get; init; } = new();
    [Id(5)] public DateTimeOffset? LastEventTime { get; init; }
    [Id(6)] public IReadOnlyDictionary<string, WindowStats> Windows { get; init; } = new Dictionary<string, WindowStats>();
}
