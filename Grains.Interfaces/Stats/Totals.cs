namespace Insights.Stats;

[GenerateSerializer, Immutable, Alias("insights.Totals")]
public sealed record Totals
{
    [Id(0)] public long Views { get; init; }
    [Id(1)] public long Likes { get; init; }
    [Id(2)] public long Shares { get; init; }
    [Id(3)] public long Comments { get; init; }
}
