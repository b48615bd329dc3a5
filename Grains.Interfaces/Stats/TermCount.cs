namespace Insights.Stats;

[GenerateSerializer, Immutable, Alias("insights.TermCount")]
public sealed record TermCount([property: Id(0)] string Term, [property: Id(1)] long Count);
