namespace Insights.Warehouse.Queries;

using Insights.Series;
using Insights.Stats;
using Insights.Warehouse.Targets;

/// <summary>
/// A video's series over a range from the marts <c>video_series_hourly</c> and <c>video_series_daily</c>: one bucket
/// per hour or day from the one holding <c>from</c> up to <c>to</c> (exclusive), periods without a row as zeros.
/// </summary>
public static class VideoSeriesQuery
{
    public const string HourlyModel = "video_series_hourly";
    public const string DailyModel = "video_series_daily";

    public static async Task<VideoSeries> RunAsync(
        IWarehouseTarget target, string videoId, string grain, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default)
    {
        var width = SeriesGrains.Width(grain);
        var first = SeriesGrains.Floor(grain, from);
        var d = target.Dialect;
        var result = await target.QueryAsync(
            "SELECT period_start, comment_count, positive_count, neutral_count, negative_count, sentiment_score_sum, sentiment_score, "
            + "views_growth, likes_growth, shares_growth "
            + $"FROM {d.Relation(grain == SeriesGrains.Hour ? HourlyModel : DailyModel)} "
            + $"WHERE video_id = {d.Parameter("video_id")} AND period_start >= {d.Parameter("from")} AND period_start < {d.Parameter("to")} "
            + "ORDER BY period_start",
            new Dictionary<string, object?>
            {
                ["video_id"] = videoId,
                ["from"] = Timestamp(first),
                ["to"] = Timestamp(to),
            },
            cancellationToken);

        var rows = new Dictionary<DateTimeOffset, SeriesBucket>(result.Rows.Count);
        for (var i = 0; i < result.Rows.Count; i++)
        {
            var start = new DateTimeOffset(DateTime.SpecifyKind(result.Value<DateTime>(i, "period_start"), DateTimeKind.Utc));
            var comments = result.Value<long>(i, "comment_count");
            var views = result.Value<long>(i, "views_growth");
            var likes = result.Value<long>(i, "likes_growth");
            var shares = result.Value<long>(i, "shares_growth");
            rows[start] = new SeriesBucket
            {
                Start = start,
                Comments = comments,
                Views = views,
                Likes = likes,
                Shares = shares,
                // The grain's rule (EngagementMath.Rate): (likes + comments + shares) / views, 4 places, 0 without views.
                EngagementRate = views <= 0 ? 0 : Math.Round((double)(likes + comments + shares) / views, 4),
                Sentiment = new SentimentSummary
                {
                    Positive = result.Value<long>(i, "positive_count"),
                    Neutral = result.Value<long>(i, "neutral_count"),
                    Negative = result.Value<long>(i, "negative_count"),
                    MeanScore = comments == 0 ? 0 : Math.Round(result.Value<double>(i, "sentiment_score_sum") / comments, 4),
                    Score = Math.Round(result.Value<double>(i, "sentiment_score"), 2),
                },
            };
        }

        var buckets = new List<SeriesBucket>();
        for (var start = first; start < to; start += width)
        {
            buckets.Add(rows.GetValueOrDefault(start) ?? new SeriesBucket { Start = start });
        }

        return new VideoSeries
        {
            Window = grain,
            Source = SeriesSources.Warehouse,
            BucketSeconds = (int)width.TotalSeconds,
            From = first,
            To = to,
            Buckets = buckets,
        };
    }

    private static DateTime Timestamp(DateTimeOffset time) => DateTime.SpecifyKind(time.UtcDateTime, DateTimeKind.Unspecified);
}
