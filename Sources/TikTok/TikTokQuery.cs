namespace Insights.Sources.TikTok;

using System.Globalization;

/// <summary>One configured query: a creator, a hashtag query or a video, with the key its state is kept under.</summary>
public sealed record TikTokQuery(string Key, string FieldName, IReadOnlyList<string> Values, DateOnly? CreatedOn = null)
{
    public const int MaxWindowDays = 30;

    /// <summary>The queries of a configuration, in order: usernames, hashtag queries, videos; duplicates removed.</summary>
    public static IReadOnlyList<TikTokQuery> From(TikTokSourceOptions options)
    {
        var queries = new List<TikTokQuery>();
        foreach (var raw in options.Usernames)
        {
            var username = raw.Trim().TrimStart('@');
            if (username.Length > 0)
            {
                queries.Add(new TikTokQuery($"username:{username}", "username", [username]));
            }
        }

        foreach (var raw in options.HashtagQueries)
        {
            var tags = raw.Split([',', ' ', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(t => t.TrimStart('#').ToLowerInvariant())
                .Where(t => t.Length > 0)
                .Distinct(StringComparer.Ordinal)
                .ToArray();
            if (tags.Length > 0)
            {
                queries.Add(new TikTokQuery($"hashtag:{string.Join(',', tags)}", "hashtag_name", tags));
            }
        }

        foreach (var raw in options.VideoIds)
        {
            var id = raw.Trim();
            if (id.Length > 0)
            {
                queries.Add(new TikTokQuery($"video:{id}", "video_id", [id], CreationDateFromId(id)));
            }
        }

        return queries.DistinctBy(q => q.Key, StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// TikTok video ids start with the Unix time of the video's creation (their upper 32 bits), which lets a video
    /// be queried over the few days around it whatever its age; null when the id does not look like one.
    /// </summary>
    public static DateOnly? CreationDateFromId(string id)
    {
        if (!ulong.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
        {
            return null;
        }

        var seconds = (long)(n >> 32);
        var time = DateTimeOffset.FromUnixTimeSeconds(seconds);
        return time >= new DateTimeOffset(2016, 9, 1, 0, 0, 0, TimeSpan.Zero) && time.Year < 2100
            ? DateOnly.FromDateTime(time.UtcDateTime)
            : null;
    }

    /// <summary>
    /// The windows of creation dates to read now, oldest first, each at most <see cref="MaxWindowDays"/> days long
    /// (<c>end_date - start_date</c> below 30). A video query reads the days around its creation; the others read
    /// the lookback (today and the <c>LookbackDays</c> before), or, after an outage longer than that, from the last
    /// date read completely.
    /// </summary>
    public IReadOnlyList<(DateOnly Start, DateOnly End)> Windows(DateOnly today, int lookbackDays, QueryState state)
    {
        if (CreatedOn is { } created)
        {
            var end = created.AddDays(1) < today ? created.AddDays(1) : today;
            return [(created.AddDays(-1) < end ? created.AddDays(-1) : end, end)];
        }

        var from = today.AddDays(-lookbackDays);
        if (state.CompletedThrough is { } done && done < from)
        {
            from = done;
        }

        var windows = new List<(DateOnly, DateOnly)>();
        for (var start = from; start <= today; start = start.AddDays(MaxWindowDays))
        {
            var end = start.AddDays(MaxWindowDays - 1);
            windows.Add((start, end < today ? end : today));
        }

        return windows;
    }
}
