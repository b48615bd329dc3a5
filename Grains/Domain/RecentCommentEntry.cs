namespace Insights.Grains.Domain;

using Insights.Sentiment;

/// <summary>
/// One recent comment as a video keeps it: its id, username and text as one UTF-8 array (ingest admits only
/// well-formed text, so the round trip is exact), the score in ten-thousandths (it is reported rounded to four places),
/// the analyzer as an index into the list's few names, the language as one more than an index into its few codes
/// (0: state written before languages were kept).
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
