namespace Insights.Grains.Creators;

using System.Globalization;
using Insights.Creators;
using Insights.Grains.Domain;
using Insights.Leaderboard;
using Insights.Stats;

/// <summary>
/// The rules of one creator's roll-up, over a <see cref="CreatorState"/> that the grain persists: the latest report
/// of each video replaces the one before, and every figure is summed from those on demand. Plain code: no Orleans,
/// no clock of its own (callers pass "now"), so it is tested without a cluster.
/// </summary>
public sealed class CreatorRollup(string username, CreatorState state, CreatorOptions options)
{
    public string Username { get; } = username;

    /// <summary>Whether any video reported to this creator.</summary>
    public bool Exists => state.Videos.Count > 0;

    /// <summary>
    /// Keeps <paramref name="summary"/> as the video's latest, unless it is behind the one held: one-way reports may
    /// arrive out of order (a video moving between silos), and a video's counters and last event time only grow, so a
    /// report lower in any of them is an older one. False when it was ignored.
    /// </summary>
    public bool Apply(VideoSummary summary, VideoInfo video)
    {
        if (string.IsNullOrEmpty(summary.VideoId))
        {
            return false;
        }

        if (state.Videos.TryGetValue(summary.VideoId, out var known) && IsBehind(summary, known))
        {
            return false;
        }

        state.Videos[summary.VideoId] = new CreatorVideoSnapshot
        {
            VideoId = summary.VideoId,
            Description = Cut(video.Description, options.DescriptionLength),
            CreateTime = video.CreateTime,
            Totals = summary.Totals,
            Sentiment = summary.Sentiment,
            LastEventTime = summary.LastEventTime,
            Windows = WindowNames.All
                .Where(summary.Windows.ContainsKey)
                .ToDictionary(name => name, name => summary.Windows[name], StringComparer.Ordinal),
        };
        return true;
    }

    public CreatorStats ToStats(DateTimeOffset now, CreatorVideoOrder by, int limit)
    {
        long views = 0, likes = 0, shares = 0, comments = 0;
        var sentiment = new SentimentSums();
        DateTimeOffset? last = null;
        foreach (var video in state.Videos.Values)
        {
            views += video.Totals.Views;
            likes += video.Totals.Likes;
            shares += video.Totals.Shares;
            comments += video.Totals.Comments;
            sentiment.Add(video.Sentiment);
            if (video.LastEventTime is { } time && (last is null || time > last))
            {
                last = time;
            }
        }

        return new CreatorStats
        {
            Username = Username,
            Videos = state.Videos.Count,
            Totals = new Totals { Views = views, Likes = likes, Shares = shares, Comments = comments },
            EngagementRate = EngagementMath.Rate(likes, comments, shares, views),
            Sentiment = sentiment.ToSummary(),
            Windows = WindowSpec.Standard.ToDictionary(spec => spec.Name, spec => SumWindow(spec, now), StringComparer.Ordinal),
            RankedBy = by,
            TopVideos = Rank(by, Math.Clamp(limit, 1, options.MaxLimit)),
            LastEventTime = last,
            AsOf = now,
        };
    }

    /// <summary>
    /// One window summed across the videos with an event inside it: as in the leaderboard, a report is as of its
    /// time, and a video quiet for longer than the window has nothing in it any more.
    /// </summary>
    private WindowStats SumWindow(WindowSpec spec, DateTimeOffset now)
    {
        var since = now - spec.Span;
        long views = 0, likes = 0, shares = 0, comments = 0;
        var sentiment = new SentimentSums();
        foreach (var video in state.Videos.Values)
        {
            if (video.LastEventTime >= since && video.Windows.TryGetValue(spec.Name, out var window))
            {
                views += window.Views;
                likes += window.Likes;
                shares += window.Shares;
                comments += window.Comments;
                sentiment.Add(window.Sentiment);
            }
        }

        return new WindowStats
        {
            From = since,
            To = now,
            Comments = comments,
            Views = views,
            Likes = likes,
            Shares = shares,
            EngagementRate = EngagementMath.Rate(likes, comments, shares, views),
            Sentiment = sentiment.ToSummary(),
        };
    }

    private List<CreatorVideo> Rank(CreatorVideoOrder by, int limit)
    {
        Func<CreatorVideoSnapshot, double> value = by switch
        {
            CreatorVideoOrder.Comments => v => v.Totals.Comments,
            CreatorVideoOrder.Views => v => v.Totals.Views,
            _ => Rate,
        };
        return state.Videos.Values
            .OrderByDescending(value)
            .ThenByDescending(v => v.Totals.Comments)
            .ThenByDescending(v => v.Totals.Views)
            .ThenBy(v => v.VideoId, StringComparer.Ordinal)
            .Take(limit)
            .Select((v, i) => new CreatorVideo
            {
                Rank = i + 1,
                VideoId = v.VideoId,
                Description = v.Description,
                CreateTime = v.CreateTime,
                Totals = v.Totals,
                EngagementRate = Rate(v),
                SentimentScore = v.Sentiment.Score,
                LastEventTime = v.LastEventTime,
            })
            .ToList();
    }

    private static double Rate(CreatorVideoSnapshot v) => EngagementMath.Rate(v.Totals.Likes, v.Totals.Comments, v.Totals.Shares, v.Totals.Views);

    private static bool IsBehind(VideoSummary summary, CreatorVideoSnapshot known) =>
        summary.LastEventTime < known.LastEventTime
        || (summary.LastEventTime is null && known.LastEventTime is not null)
        || summary.Totals.Comments < known.Totals.Comments
        || summary.Totals.Views < known.Totals.Views
        || summary.Totals.Likes < known.Totals.Likes
        || summary.Totals.Shares < known.Totals.Shares;

    /// <summary>At most <paramref name="length"/> characters, cut between text elements so no emoji or surrogate pair is split.</summary>
    internal static string? Cut(string? text, int length)
    {
        if (text is null || text.Length <= length)
        {
            return text;
        }

        var cut = 0;
        var elements = StringInfo.GetTextElementEnumerator(text);
        while (elements.MoveNext() && elements.ElementIndex + elements.GetTextElement().Length <= length - 1)
        {
            cut = elements.ElementIndex + elements.GetTextElement().Length;
        }

        return string.Concat(text.AsSpan(0, cut).TrimEnd(), "…");
    }
}
