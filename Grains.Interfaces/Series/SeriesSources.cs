namespace Insights.Series;

public static class SeriesSources
{
    /// <summary>The video grain's rolling-window buckets: live, by event time, up to 24 hours back.</summary>
    public const string Grain = "grain";

    /// <summary>The warehouse marts <c>video_series_hourly</c> and <c>video_series_daily</c>: as of the last load.</summary>
    public const string Warehouse = "warehouse";
}
