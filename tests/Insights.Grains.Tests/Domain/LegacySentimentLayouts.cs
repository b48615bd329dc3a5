namespace Insights.Grains.Tests.Domain;

using Insights.Sentiment;

/// <summary>
/// Layouts from before the language was kept, at their ids: the sentiment result's surrogate (Ids 0-5) and a packed
/// recent comment (Ids 0-6) in its list.
/// </summary>
[GenerateSerializer]
public readonly record struct LegacySentimentResultSurrogate(
    [property: Id(0)] SentimentLabel Label,
    [property: Id(1)] double Score,
    [property: Id(2)] double Positive,
    [property: Id(3)] double Neutral,
    [property: Id(4)] double Negative,
    [property: Id(5)] string Analyzer);

[GenerateSerializer]
public struct LegacyRecentCommentEntry
{
    [Id(0)] public long CreateTicks;
    [Id(1)] public byte[] Utf8;
    [Id(2)] public short IdBytes;
    [Id(3)] public short UsernameBytes;
    [Id(4)] public int ScoreTenThousandths;
    [Id(5)] public SentimentLabel Label;
    [Id(6)] public byte Analyzer;
}

[GenerateSerializer]
public sealed class LegacyPackedRecentCommentList
{
    [Id(2)] public LegacyRecentCommentEntry[] Entries { get; set; } = [];
    [Id(3)] public int Count { get; set; }
    [Id(4)] public string[] Analyzers { get; set; } = [];
}
