namespace Insights.Grains.Tests.Domain;

using Insights.Grains.Domain;
using Insights.Series;
using Insights.Stats;
using static TestEvents;

/// <summary>The series of a rolling window: one bucket per width over the whole span, empty ones with zeros.</summary>
public class RollingWindowSeriesTests
{
    private static readonly WindowSpec FiveMinutes = new("5m", TimeSpan.FromSeconds(10), 30);

    [Fact]
    public void An_empty_window_has_every_bucket_in_order_with_zeros()
    {
        var now = T0.AddSeconds(7);
        var series = new RollingWindow(FiveMinutes).Series(now);

        Assert.Equal(30, series.Count);
        Assert.Equal(T0.AddSeconds(-290), series[0].Start);
        Assert.Equal(T0, series[^1].Start);
        Assert.All(series.Zip(series.Skip(1)), pair => Assert.Equal(TimeSpan.FromSeconds(10), pair.Second.Start - pair.First.Start));
        Assert.All(series, b => Assert.Equal((0L, 0L, 0L, 0L, 0.0, 0L), (b.Comments, b.Views, b.Likes, b.Shares, b.EngagementRate, b.Sentiment.Positive)));
    }

    [Fact]
    public void Each_bucket_holds_its_own_comments_engagement_and_sentiment()
    {
        var window = new RollingWindow(FiveMinutes);
        var now = T0.AddMinutes(4);
        window.AddComment(T0.AddMinutes(3).AddSeconds(2), now, Positive());
        window.AddComment(T0.AddMinutes(3).AddSeconds(9), now, Negative());
        window.AddComment(T0.AddMinutes(1), now, Positive());
        window.AddEngagement(T0.AddMinutes(3).AddSeconds(5), now, 200, 10, 2);

        var series = window.Series(now);

        var busy = series.Single(b => b.Start == T0.AddMinutes(3));
        Assert.Equal((2L, 200L, 10L, 2L), (busy.Comments, busy.Views, busy.Likes, busy.Shares));
        Assert.Equal((10 + 2 + 2) / 200.0, busy.EngagementRate);
        Assert.Equal((1L, 0L, 1L), (busy.Sentiment.Positive, busy.Sentiment.Neutral, busy.Sentiment.Negative));
        Assert.Equal(Math.Round((0.8 + 0.1 - 0.05 - 0.7) / 2 * 100, 2), busy.Sentiment.Score);
        Assert.Equal(1, series.Single(b => b.Start == T0.AddMinutes(1)).Comments);
        Assert.Equal(3, series.Sum(b => b.Comments));
        Assert.Equal(window.Summarize(now).Comments, series.Sum(b => b.Comments));
        Assert.Equal(window.Summarize(now).Views, series.Sum(b => b.Views));
    }

    [Fact]
    public void Buckets_that_left_the_window_are_not_in_the_series_and_the_axis_moves_with_now()
    {
        var window = new RollingWindow(FiveMinutes);
        window.AddComment(T0, T0, Positive());
        window.AddComment(T0.AddMinutes(2), T0.AddMinutes(2), Positive());

        var later = window.Series(T0.AddMinutes(5).AddSeconds(30));

        Assert.Equal(30, later.Count);
        Assert.Equal(T0.AddSeconds(40), later[0].Start);
        Assert.Equal(1, later.Sum(b => b.Comments));
        Assert.Equal(1, later.Single(b => b.Start == T0.AddMinutes(2)).Comments);
    }

    [Fact]
    public void The_aggregate_answers_each_standard_window_with_its_width_and_refuses_another()
    {
        var video = new VideoAggregate("v1", new VideoState(), new VideoOptions());
        var now = T0.AddMinutes(30);
        var comment = Comment("c1", T0.AddMinutes(10));
        Assert.True(video.TryClaim(comment));
        video.ApplyComment(comment, Positive(), now);

        foreach (var (name, seconds, count) in new[] { (WindowNames.FiveMinutes, 10, 30), (WindowNames.OneHour, 60, 60), (WindowNames.OneDay, 900, 96) })
        {
            var series = video.ToSeries(name, now);
            Assert.Equal((name, SeriesSources.Grain, seconds, count), (series.Window, series.Source, series.BucketSeconds, series.Buckets.Count));
            Assert.Equal(series.Buckets[0].Start, series.From);
            Assert.Equal(now, series.To);
        }

        Assert.Equal(0, video.ToSeries(WindowNames.FiveMinutes, now).Buckets.Sum(b => b.Comments));
        Assert.Equal(1, video.ToSeries(WindowNames.OneHour, now).Buckets.Single(b => b.Start == T0.AddMinutes(10)).Comments);
        Assert.Equal(1, video.ToSeries(WindowNames.OneDay, now).Buckets.Single(b => b.Start == T0).Comments);
        Assert.Throws<ArgumentOutOfRangeException>(() => video.ToSeries("7d", now));
    }
}
