namespace Insights.Grains.Domain;

using Insights.Stats;

/// <summary>A rolling window: its span is <see cref="BucketCount"/> buckets of <see cref="BucketWidth"/>.</summary>
public sealed record WindowSpec(string Name, TimeSpan BucketWidth, int BucketCount)
{
    public TimeSpan Span => BucketWidth * BucketCount;

    /// <summary>
    /// 5 minutes in 10-second buckets, an hour in minutes, a day in quarter hours: about 190 buckets at most per
    /// video, and only buckets that saw activity are kept.
    /// </summary>
    public static readonly IReadOnlyList<WindowSpec> Standard =
    [
        new(WindowNames.FiveMinutes, TimeSpan.FromSeconds(10), 30),
        new(WindowNames.OneHour, TimeSpan.FromMinutes(1), 60),
        new(WindowNames.OneDay, TimeSpan.FromMinutes(15), 96),
    ];
}
