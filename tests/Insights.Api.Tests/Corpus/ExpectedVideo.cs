namespace Insights.Api.Tests.Corpus;

using Insights.Events;
using Insights.Stats;

/// <summary>
/// What one video must show after the events the API accepted for it, by the README's rules: counters are the
/// highest observed (the first observation is the baseline, an observation that raises nothing is stale), a comment id
/// counts once (the first text wins), the last video event is the metadata.
/// </summary>
internal sealed class ExpectedVideo(string videoId)
{
    private readonly Dictionary<string, CommentPosted> _comments = new(StringComparer.Ordinal);
    private long _commentEvents;
    private long _views;
    private long _likes;
    private long _shares;
    private bool _baseline;
    private long _stale;
    private VideoPublished? _video;

    public string VideoId { get; } = videoId;

    public void Apply(VideoStreamEvent e)
    {
        switch (e)
        {
            case CommentPosted c:
                _commentEvents++;
                _comments.TryAdd(c.CommentId, c);
                break;
            case EngagementObserved o:
                var grew = o.ViewCount > _views || o.LikeCount > _likes || o.ShareCount > _shares;
                _stale += _baseline && !grew ? 1 : 0;
                _baseline = true;
                (_views, _likes, _shares) = (Math.Max(_views, o.ViewCount), Math.Max(_likes, o.LikeCount), Math.Max(_shares, o.ShareCount));
                break;
            case VideoPublished v:
                _video = v;
                break;
        }
    }

    /// <summary>What differs between these expectations and the video's answer; empty when it all matches.</summary>
    public List<string> Differences(VideoStats stats, int recentCapacity)
    {
        var problems = new List<string>();
        void Check<T>(string what, T expected, T actual)
        {
            if (!EqualityComparer<T>.Default.Equals(expected, actual))
            {
                problems.Add($"{what}: expected {expected}, got {actual}");
            }
        }

        Check("views", _views, stats.Totals.Views);
        Check("likes", _likes, stats.Totals.Likes);
        Check("shares", _shares, stats.Totals.Shares);
        Check("comments", (long)_comments.Count, stats.Totals.Comments);
        Check("duplicate comments", _commentEvents - _comments.Count, stats.Ingest.DuplicateComments);
        Check("stale observations", _stale, stats.Ingest.StaleObservations);
        if (_video is { } v)
        {
            var info = stats.Video;
            Check("username", v.Username, info?.Username);
            Check("create time", v.CreateTime, info?.CreateTime ?? default);
            Check("region", v.RegionCode, info?.RegionCode);
            Check("description", v.VideoDescription, info?.Description);
            Check("hashtags", string.Join("|", v.HashtagNames), string.Join("|", info?.Hashtags ?? []));
            Check("music id", v.MusicId, info?.MusicId);
            Check("duration", v.DurationSeconds, info?.DurationSeconds ?? -1);
        }

        // Text in, same text out: only checkable while every comment still fits in the recent list.
        if (_comments.Count <= recentCapacity)
        {
            var expected = _comments.Values.Select(c => $"{c.CommentId}|{c.Username}|{c.Text}").Order(StringComparer.Ordinal);
            var actual = stats.RecentComments.Select(c => $"{c.CommentId}|{c.Username}|{c.Text}").Order(StringComparer.Ordinal);
            if (!expected.SequenceEqual(actual))
            {
                problems.Add($"recent comments differ: expected [{string.Join("; ", expected)}], got [{string.Join("; ", actual)}]");
            }
        }

        return problems;
    }

    /// <summary>The figures an item names in <c>totals</c>, against the answer.</summary>
    public static List<string> Differences(IReadOnlyDictionary<string, long> figures, VideoStats stats)
    {
        var problems = new List<string>();
        foreach (var (name, expected) in figures)
        {
            long? actual = name switch
            {
                "views" => stats.Totals.Views,
                "likes" => stats.Totals.Likes,
                "shares" => stats.Totals.Shares,
                "comments" => stats.Totals.Comments,
                "duplicateComments" => stats.Ingest.DuplicateComments,
                "staleObservations" => stats.Ingest.StaleObservations,
                "lateEvents" => stats.Ingest.LateEvents,
                _ => null,
            };
            if (actual is null)
            {
                problems.Add($"unknown figure '{name}' in totals");
            }
            else if (actual != expected)
            {
                problems.Add($"{name}: expected {expected}, got {actual}");
            }
        }

        return problems;
    }
}
