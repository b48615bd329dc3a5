namespace Insights.Grains.Domain;

using Insights.Sentiment;

/// <summary>
/// A recent comment as state written before <see cref="RecentCommentSlot"/> holds it (its id, username and text in an
/// array of its own): read back and repacked by <see cref="RecentCommentList"/>, never written.
/// </summary>
[GenerateSerializer]
public struct RecentCommentEntry
{
    [Id(0)] public long CreateTicks;
    [Id(1)] public byte[] Utf8;
    [Id(2)] public short IdBytes;
    [Id(3)] public short UsernameBytes;
    [Id(4)] public int ScoreTenThousandths;
    [Id(5)] public SentimentLabel Label;
    [Id(6)] public byte Analyzer;
    [Id(7)] public byte Language;
}
