namespace Insights.Grains.Tests.Domain;

using Insights.Grains.Domain;
using static TestEvents;

public class RollingWindowTests
{
    private static readonly WindowSpec FiveMinutes = new("5m", TimeSpan.FromSeconds(10), 30);

    [Fact]
    public void Events_out_of_order_land_in_their_own_buckets()
    {
        var window = new RollingWindow(FiveMinutes);
        var now = T0.AddMinutes(4);
        Assert.True(window.AddComment(T0.AddMinutes(3), now, Positive()));
        Assert.True(window.AddComment(T0.AddMinutes(1), now, Positive()));
        Assert.True(window.AddComment(T0.AddMinutes(2), now, Negative()));

        Assert.Equal(3, window.ActiveBuckets);
        Assert.Equal(3, window.Summarize(now).Comments);
        Assert.Equal(2, window.Summarize(T0.AddMinutes(6).AddSeconds(5)).Comments);
    }

    [Fact]
    public void An_event_older_than_the_span_is_refused()
    {
        var window = new RollingWindow(FiveMinutes);
        Assert.False(window.AddComment(T0, T0.AddMinutes(6), Positive()));
        Assert.Equal(0, window.Summarize(T0.AddMinutes(6)).Comments);
    }

    [Fact]
    public void A_future_event_counts_now()
    {
        var window = new RollingWindow(FiveMinutes);
        Assert.True(window.AddComment(T0.AddMinutes(3), T0, Positive()));
        Assert.Equal(1, window.Summarize(T0).Comments);
    }

    [Fact]
    public void Expired_buckets_are_dropped_so_memory_stays_bounded()
    {
        var window = new RollingWindow(FiveMinutes);
        for (var i = 0; i < 1000; i++)
        {
            var at = T0.AddSeconds(i * 10);
            window.AddComment(at, at, Positive());
        }

        Assert.Equal(30, window.ActiveBuckets);
    }
}
