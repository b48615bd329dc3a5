namespace Insights.Topics.Building;

/// <summary>A topic of an earlier build (the same day's or the day before's), as the id matching sees it.</summary>
public sealed record KnownTopic(string Id, long Comments, IReadOnlyDictionary<string, double> Terms);
