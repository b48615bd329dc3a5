namespace Insights.Grains.Dimensions;

using Insights.Dimensions;
using Insights.Lake.Records;

/// <summary>
/// Every video's dimension row by id, indexed by creator and by hashtag so that searches never scan video grains or
/// the lake: the rows the <see cref="DimensionsGrain"/> writes out are the ones it searches. Plain code, tested
/// without a cluster. The indexes hold video ids only; a row changing creator or hashtags moves between them.
/// </summary>
public sealed class VideoDirectory
{
    private readonly Dictionary<string, VideoDimRow> _videos = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> _byCreator = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> _byHashtag = new(StringComparer.OrdinalIgnoreCase);

    public int Count => _videos.Count;

    public IEnumerable<VideoDimRow> Rows => _videos.Values;

    public bool TryGetValue(string videoId, out VideoDimRow row) => _videos.TryGetValue(videoId, out row!);

    /// <summary>Adds the row or replaces the video's previous one.</summary>
    public void Set(VideoDimRow row)
    {
        if (_videos.TryGetValue(row.VideoId, out var previous))
        {
            Unindex(previous);
        }

        _videos[row.VideoId] = row;
        Add(_byCreator, row.Username, row.VideoId);
        foreach (var tag in Hashtags(row))
        {
            Add(_byHashtag, tag, row.VideoId);
        }
    }

    /// <summary>
    /// Creators whose name contains <paramref name="text"/>, ignoring case: the exact name first, then names starting
    /// with it, then the others; within each, most videos first, then by name.
    /// </summary>
    public IReadOnlyList<CreatorMatch> SearchCreators(string text, int limit)
    {
        var found = new List<(string Name, int Tier, int Videos)>();
        foreach (var (name, videos) in _byCreator)
        {
            var at = name.IndexOf(text, StringComparison.OrdinalIgnoreCase);
            if (at >= 0)
            {
                found.Add((name, at > 0 ? 2 : name.Length == text.Length ? 0 : 1, videos.Count));
            }
        }

        return found
            .OrderBy(c => c.Tier)
            .ThenByDescending(c => c.Videos)
            .ThenBy(c => c.Name, StringComparer.Ordinal)
            .Take(limit)
            .Select(c => new CreatorMatch
            {
                Username = c.Name,
                Videos = c.Videos,
                LastVideoTime = Utc(_byCreator[c.Name].Max(id => _videos[id].CreateTime)),
            })
            .ToList();
    }

    /// <summary>
    /// Videos of <paramref name="creator"/> (exact name) and/or tagged <paramref name="hashtag"/> (ignoring case and
    /// a leading '#'), newest first; with both, a video must match both.
    /// </summary>
    public IReadOnlyList<VideoMatch> FindVideos(string? creator, string? hashtag, int limit)
    {
        IEnumerable<string>? ids = null;
        if (!string.IsNullOrEmpty(creator))
        {
            ids = _byCreator.GetValueOrDefault(creator) ?? [];
        }

        if (!string.IsNullOrEmpty(hashtag))
        {
            var tagged = _byHashtag.GetValueOrDefault(hashtag.TrimStart('#')) ?? [];
            ids = ids is null ? tagged : ids.Where(tagged.Contains);
        }

        // The newest `limit` in one pass: a popular hashtag holds most videos, and sorting them all per query would
        // hold up the one grain that answers every search.
        var newest = new PriorityQueue<VideoDimRow, VideoDimRow>(limit + 1, OlderFirst);
        foreach (var id in ids ?? [])
        {
            var row = _videos[id];
            if (newest.Count < limit)
            {
                newest.Enqueue(row, row);
            }
            else
            {
                newest.EnqueueDequeue(row, row);
            }
        }

        return newest.UnorderedItems
            .Select(item => item.Element)
            .Order(Comparer<VideoDimRow>.Create((a, b) => OlderFirst.Compare(b, a)))
            .Select(v => new VideoMatch
            {
                VideoId = v.VideoId,
                Username = v.Username,
                Description = v.VideoDescription,
                Hashtags = Hashtags(v),
                CreateTime = Utc(v.CreateTime),
            })
            .ToList();
    }

    /// <summary>Older first; at the same time, the larger id first (answers list the smaller id first).</summary>
    private static readonly Comparer<VideoDimRow> OlderFirst = Comparer<VideoDimRow>.Create((a, b) =>
    {
        var byTime = a.CreateTime.CompareTo(b.CreateTime);
        return byTime != 0 ? byTime : string.CompareOrdinal(b.VideoId, a.VideoId);
    });

    private void Unindex(VideoDimRow row)
    {
        Remove(_byCreator, row.Username, row.VideoId);
        foreach (var tag in Hashtags(row))
        {
            Remove(_byHashtag, tag, row.VideoId);
        }
    }

    /// <summary>The rows hold UTC times; read back from a file their kind may be unspecified.</summary>
    private static DateTimeOffset Utc(DateTime time) => new(DateTime.SpecifyKind(time, DateTimeKind.Utc));

    private static string[] Hashtags(VideoDimRow row) =>
        row.HashtagNames.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static void Add(Dictionary<string, HashSet<string>> index, string key, string videoId)
    {
        if (!index.TryGetValue(key, out var ids))
        {
            index[key] = ids = new HashSet<string>(StringComparer.Ordinal);
        }

        ids.Add(videoId);
    }

    private static void Remove(Dictionary<string, HashSet<string>> index, string key, string videoId)
    {
        if (index.TryGetValue(key, out var ids) && ids.Remove(videoId) && ids.Count == 0)
        {
            index.Remove(key);
        }
    }
}
