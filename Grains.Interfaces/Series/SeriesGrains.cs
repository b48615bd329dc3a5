namespace Insights.Series;

/// <summary>The bucket widths of warehouse series (<c>?grain=</c>).</summary>
public static class SeriesGrains
{
    public const string Hour = "hour";
    public const string Day = "day";

    public static bool IsKnown(string? grain) => grain is Hour or Day;

    public static TimeSpan Width(string grain) => grain switch
    {
        Hour => TimeSpan.FromHours(1),
        Day => TimeSpan.FromDays(1),
        _ => throw new ArgumentOutOfRangeException(nameof(grain), grain, "hour or day"),
    };

    /// <summary>Start of the bucket holding <paramref name="time"/> (UTC).</summary>
    public static DateTimeOffset Floor(string grain, DateTimeOffset time)
    {
        var width = Width(grain).Ticks;
        return new DateTimeOffset(time.UtcTicks - time.UtcTicks % width, TimeSpan.Zero);
    }
}
