namespace Insights.Grains.Domain;

using Insights.Sentiment;
using Insights.Series;
using Insights.Stats;

/// <summary>
/// Buckets of event time covering the window's span back from now. Only buckets that saw activity are kept, in
/// index order, in an array exactly as long as they are (no array at all while the window is empty), so a quiet
/// video costs nearly nothing and a busy one 48 bytes a bucket (<see cref="PackedWindowBucket"/>). An event counts
/// when its bucket still lies inside the window when it arrives: lateness up to the window's span is allowed; older
/// events count only in totals. Events stamped in the future (ingest allows a little clock skew) count in the current
/// bucket.
/// </summary>
[GenerateSerializer]
public sealed class RollingWindow
{
    [Id(0)] public long BucketWidthTicks { get; private set; }
    [Id(1)] public int BucketCount { get; private set; }

    // The layout before packing (a list of 88-byte buckets): packed on first use.
    [Id(2)] private List<WindowBucket>? _legacyBuckets;

    // Null in state read back from the old layout (deserialization runs no initializers): see Buckets.
    [Id(3)] private PackedWindowBucket[]? _buckets;

    public RollingWindow(WindowSpec spec)
    {
        BucketWidthTicks = spec.BucketWidth.Ticks;
        BucketCount = spec.BucketCount;
    }

    public int ActiveBuckets => Buckets.Length;

    private PackedWindowBucket[] Buckets
    {
        get
        {
            if (_legacyBuckets is { } legacy)
            {
                _buckets = legacy.Select(b => PackedWindowBucket.From(b)).ToArray();
                _legacyBuckets = null;
            }

            return _buckets ??= [];
        }
    }

    public bool AddComment(DateTimeOffset eventTime, DateTimeOffset now, SentimentResult sentiment)
    {
        if (!TryGetBucket(eventTime, now, out var position))
        {
            return false;
        }

        Buckets[position].AddComment(sentiment);
        return true;
    }

    public bool AddEngagement(DateTimeOffset eventTime, DateTimeOffset now, long views, long likes, long shares)
    {
        if (!TryGetBucket(eventTime, now, out var position))
        {
            return false;
        }

        Buckets[position].AddEngagement(views, likes, shares);
        return true;
    }

    public WindowStats Summarize(DateTimeOffset now)
    {
        var nowIndex = now.UtcTicks / BucketWidthTicks;
        var oldest = nowIndex - BucketCount + 1;
        long comments = 0, views = 0, likes = 0, shares = 0;
        var sentiment = new SentimentTally();
        foreach (ref readonly var b in Buckets.AsSpan())
        {
            if (b.Index < oldest || b.Index > nowIndex)
            {
                continue;
            }

            comments += b.Comments;
            views += b.Views;
            likes += b.Likes;
            shares += b.Shares;
            sentiment.Add(b.Sentiment);
        }

        return new WindowStats
        {
            From = new DateTimeOffset(oldest * BucketWidthTicks, TimeSpan.Zero),
            To = now,
            Comments = comments,
            Views = views,
            Likes = likes,
            Shares = shares,
            EngagementRate = EngagementMath.Rate(likes, comments, shares, views),
            Sentiment = sentiment.ToSummary(),
        };
    }

    /// <summary>
    /// Every bucket of the window as of <paramref name="now"/>, oldest first, the current (partial) one last; buckets
    /// that saw nothing are included with zeros, so the series has one entry per bucket width.
    /// </summary>
    public IReadOnlyList<SeriesBucket> Series(DateTimeOffset now)
    {
        var nowIndex = now.UtcTicks / BucketWidthTicks;
        var oldest = nowIndex - BucketCount + 1;
        var series = new SeriesBucket[BucketCount];
        var kept = Buckets.AsSpan();
        var next = 0;
        while (next < kept.Length && kept[next].Index < oldest)
        {
            next++;
        }

        for (var i = 0; i < BucketCount; i++)
        {
            var index = oldest + i;
            var start = new DateTimeOffset(index * BucketWidthTicks, TimeSpan.Zero);
            if (next < kept.Length && kept[next].Index == index)
            {
                ref readonly var b = ref kept[next++];
                series[i] = new SeriesBucket
                {
                    Start = start,
                    Comments = b.Comments,
                    Views = b.Views,
                    Likes = b.Likes,
                    Shares = b.Shares,
                    EngagementRate = EngagementMath.Rate(b.Likes, b.Comments, b.Shares, b.Views),
                    Sentiment = b.Sentiment.ToSummary(),
                };
            }
            else
            {
                series[i] = new SeriesBucket { Start = start };
            }
        }

        return series;
    }

    private bool TryGetBucket(DateTimeOffset eventTime, DateTimeOffset now, out int position)
    {
        var nowIndex = now.UtcTicks / BucketWidthTicks;
        var oldest = nowIndex - BucketCount + 1;
        var index = Math.Min(eventTime.UtcTicks / BucketWidthTicks, nowIndex);
        var buckets = Buckets;
        var expired = 0;
        while (expired < buckets.Length && buckets[expired].Index < oldest)
        {
            expired++;
        }

        if (index < oldest)
        {
            Resize(expired, insertAt: -1);
            position = -1;
            return false;
        }

        // Events arrive mostly in time order, so the bucket is nearly always the last one or a new last one.
        var at = buckets.Length;
        if (at > expired && buckets[at - 1].Index >= index)
        {
            at = Array.BinarySearch(buckets, expired, buckets.Length - expired, new PackedWindowBucket { Index = index }, ByIndex.Instance);
            if (at >= 0)
            {
                Resize(expired, insertAt: -1);
                position = at - expired;
                return true;
            }

            at = ~at;
        }

        Resize(expired, insertAt: at);
        Buckets[at - expired] = new PackedWindowBucket { Index = index };
        position = at - expired;
        return true;
    }

    /// <summary>
    /// Drops the <paramref name="expired"/> oldest buckets and opens an empty one at <paramref name="insertAt"/> (an
    /// index before the drop; -1 for none). The array stays exactly as long as the buckets it holds: a new one is
    /// allocated only when their number changes, at most once per bucket width.
    /// </summary>
    private void Resize(int expired, int insertAt)
    {
        var buckets = Buckets;
        var inserted = insertAt >= 0 ? 1 : 0;
        if (expired == 0 && inserted == 0)
        {
            return;
        }

        var length = buckets.Length - expired + inserted;
        var target = length == buckets.Length ? buckets : new PackedWindowBucket[length];
        if (inserted == 0)
        {
            Array.Copy(buckets, expired, target, 0, length);
        }
        else
        {
            Array.Copy(buckets, expired, target, 0, insertAt - expired);
            Array.Copy(buckets, insertAt, target, insertAt - expired + 1, buckets.Length - insertAt);
        }

        _buckets = target;
    }

    private sealed class ByIndex : IComparer<PackedWindowBucket>
    {
        public static readonly ByIndex Instance = new();

        public int Compare(PackedWindowBucket x, PackedWindowBucket y) => x.Index.CompareTo(y.Index);
    }
}
