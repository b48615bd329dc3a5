namespace Insights.Api.Apis;

using System.Globalization;
using Insights.Series;
using Insights.Stats;
using Microsoft.AspNetCore.Mvc;

/// <summary>
/// What <c>GET /api/videos/{id}/series</c> is asked for: a live window of the video grain (<c>?window=5m|1h|24h</c>,
/// the default <c>1h</c>) or a range of the warehouse marts (<c>?from=&amp;to=&amp;grain=hour|day</c>).
/// </summary>
public sealed record SeriesRequest(string? Window, string Grain, DateTimeOffset From, DateTimeOffset To)
{
    /// <summary>Longest range per grain: a month of hours (744 buckets), a year and a day of days.</summary>
    public static readonly IReadOnlyDictionary<string, TimeSpan> MaxRange = new Dictionary<string, TimeSpan>
    {
        [SeriesGrains.Hour] = TimeSpan.FromDays(31),
        [SeriesGrains.Day] = TimeSpan.FromDays(366),
    };

    public bool IsWarehouse => Window is null;

    /// <summary>Validates the query; on failure answers the problem to return (400) instead.</summary>
    public static (SeriesRequest? Request, ProblemDetails? Problem) Parse(string? window, string? from, string? to, string? grain, DateTimeOffset now)
    {
        if (from is null && to is null && grain is null)
        {
            window ??= WindowNames.OneHour;
            return WindowNames.IsKnown(window)
                ? (new SeriesRequest(window, "", default, default), null)
                : (null, Problem("Invalid 'window'", "'window' must be 5m, 1h or 24h; for longer periods ask the warehouse with from, to and grain=hour|day."));
        }

        if (window is not null)
        {
            return (null, Problem("Conflicting parameters", "Give either 'window' (live, from the video grain) or 'from', 'to' and 'grain' (from the warehouse), not both."));
        }

        grain ??= SeriesGrains.Hour;
        if (!SeriesGrains.IsKnown(grain))
        {
            return (null, Problem("Invalid 'grain'", "'grain' must be hour or day."));
        }

        if (from is null)
        {
            return (null, Problem("Missing 'from'", "A warehouse range needs 'from' (ISO 8601, e.g. 2026-11-24T00:00:00Z); 'to' defaults to now."));
        }

        if (!TryParseTime(from, out var start))
        {
            return (null, Problem("Invalid 'from'", "'from' must be an ISO 8601 date or date and time, e.g. 2026-11-24T00:00:00Z."));
        }

        var end = now;
        if (to is not null && !TryParseTime(to, out end))
        {
            return (null, Problem("Invalid 'to'", "'to' must be an ISO 8601 date or date and time, e.g. 2026-11-25T00:00:00Z."));
        }

        if (start >= end)
        {
            return (null, Problem("Invalid range", $"'from' ({start:O}) must be before 'to' ({end:O})."));
        }

        var longest = MaxRange[grain];
        if (end - start > longest)
        {
            return (null, Problem("Range too long", $"A range of grain '{grain}' covers at most {longest.TotalDays} days; this one covers {(end - start).TotalDays:0.##}."));
        }

        return (new SeriesRequest(null, grain, start, end), null);
    }

    private static bool TryParseTime(string text, out DateTimeOffset time) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out time);

    private static ProblemDetails Problem(string title, string detail) => new() { Title = title, Detail = detail, Status = StatusCodes.Status400BadRequest };
}
