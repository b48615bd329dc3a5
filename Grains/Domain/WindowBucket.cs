namespace Insights.Grains.Domain;

/// <summary>
/// A bucket as state written before <see cref="PackedWindowBucket"/> holds it: read back and packed by
/// <see cref="RollingWindow"/>, never written.
/// </summary>
[GenerateSerializer]
public struct WindowBucket
{
    /// <summary>Bucket number: event time in ticks divided by the bucket width.</summary>
    [Id(0)] public long Index;
    [Id(1)] public long Comments;
    [Id(2)] public long Views;
    [Id(3)] public long Likes;
    [Id(4)] public long Shares;
    [Id(5)] public SentimentTally Sentiment;
}
