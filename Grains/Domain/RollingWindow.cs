namespace Insights.Grains.Domain;

using System.Runtime.InteropServices;
using Insights.Sentiment;
using Insights.Series;
using Insights.Stats;

/// <summary>
/// Buckets of event time covering the window's span back from now. Only buckets that saw activity are kept, in
/// index order, so a quiet video costs nearly nothing. An event counts when its bucket still lies inside the
/// window when it arrives: lateness up to the window's span is allowed; older events count only in totals.
/// Events stamped in the future (ingest allows a little clock skew) count in the current bucket.
/// </summary>
[GenerateSerializer]
public sealed class RollingWindow
{
    [Id(0)] public long BucketWidthTicks { get; private set; }
    [Id(1)] public int BucketCount { get; private set; }
    [Id(2)] private readonly List<WindowBucket> _buckets = [];

    public RollingWindow(WindowSpec spec)
    {
        BucketWidthTicks = spec.BucketWidth.Ticks;
        BucketCount = spec.BucketCount;
    }

    public int ActiveBuckets => _buckets.Count;

    public bool AddComment(DateTimeOffset eventTime, DateTimeOffset now, SentimentResult sentiment)
    {
        if (!TryGetBucket(eventTime, now, out var index))
        {
            return false;
        }

        ref var bucket = ref CollectionsMarshal.AsSpan(_buckets)[index];
        bucket.Comments++;
        bucket.Sentiment.Add(sentiment);
        return true;
    }

    public bool AddEngagement(DateTimeOffset eventTime, DateTimeOffset now, long views, long likes, long shares)
    {
        if (!TryGetBucket(eventTime, now, out var index))
        {
            return false;
        }

        ref var bucket = ref CollectionsMarshal.AsSpan(_buckets)[index];
        bucket.Views += views;
        bucket.Likes += likes;
        bucket.Shares += shares;
        return true;
    }

    public WindowStats Summarize(DateTimeOffset now)
    {
        var nowIndex = now.UtcTicks / BucketWidthTicks;
        var oldest = nowIndex - BucketCount + 1;
        long comments = 0, views = 0, likes = 0, shares = 0;
        var sentiment = new SentimentTally();
        foreach (ref readonly var b in CollectionsMarshal.AsSpan(_buckets))
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
        var kept = CollectionsMarshal.AsSpan(_buckets);
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
        Prune(oldest);
        if (index < oldest)
        {
            position = -1;
            return false;
        }

        // Events arrive mostly in time order, so the bucket is nearly always the last one or a new last one.
        var count = _buckets.Count;
        if (count > 0 && _buckets[count - 1].Index == index)
        {
            position = count - 1;
            return true;
        }

        if (count == 0 || _buckets[count - 1].Index < index)
        {
            _buckets.Add(new WindowBucket { Index = index });
            position = count;
            return true;
        }

        var lo = 0;
        var hi = count - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            var midIndex = _buckets[mid].Index;
            if (midIndex == index)
            {
                position = mid;
                return true;
            }

            if (midIndex < index)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        _buckets.Insert(lo, new WindowBucket { Index = index });
        position = lo;
        return true;
    }

    private void Prune(long oldest)
    {
        var expired = 0;
        while (expired < _buckets.Count && _buckets[expired].Index < oldest)
        {
            expired++;
        }

        if (expired > 0)
        {
            _buckets.RemoveRange(0, expired);
        }
    }
}
