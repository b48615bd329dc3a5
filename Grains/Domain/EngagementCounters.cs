namespace Insights.Grains.Domain;

/// <summary>
/// The highest cumulative counters ever observed. Source counters only grow, so taking the maximum makes a
/// repeated or out-of-order observation harmless: it can never move a total backwards or count twice.
/// </summary>
[GenerateSerializer]
public struct EngagementCounters
{
    [Id(0)] public long Views;
    [Id(1)] public long Likes;
    [Id(2)] public long Shares;
    [Id(3)] public bool HasBaseline;

    /// <summary>Raises the counters to the observation and says by how much each grew.</summary>
    public (long Views, long Likes, long Shares) Raise(long views, long likes, long shares)
    {
        var growth = (Math.Max(0, views - Views), Math.Max(0, likes - Likes), Math.Max(0, shares - Shares));
        Views = Math.Max(Views, views);
        Likes = Math.Max(Likes, likes);
        Shares = Math.Max(Shares, shares);
        return growth;
    }
}
