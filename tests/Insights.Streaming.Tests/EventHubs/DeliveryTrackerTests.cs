namespace Insights.Streaming.Tests.EventHubs;

using Insights.Events;
using Insights.Streaming.EventHubs;
using Orleans.Providers.Streams.Common;
using Orleans.Runtime;

public class DeliveryTrackerTests
{
    private static EventHubsBatchContainer Container(params long[] offsets) => new()
    {
        StreamId = StreamId.Create(StreamNames.VideoNamespace, "v" + offsets[0]),
        Offsets = offsets,
        Events = offsets.Select(o => (VideoStreamEvent)new EngagementObserved { VideoId = "v" + offsets[0], ViewCount = o }).ToList(),
        Token = new EventSequenceTokenV2(offsets[0]),
    };

    [Fact]
    public void Reported_containers_are_delivered_in_cache_order()
    {
        var tracker = new DeliveryTracker();
        var a = Container(0, 2);
        var b = Container(1);
        var c = Container(3);
        tracker.Added([a, b, c]);

        var (delivered, skipped) = tracker.Released([a, b]);

        Assert.Equal([a, b], delivered);
        Assert.Empty(skipped);
        Assert.Equal(1, tracker.Outstanding);
    }

    [Fact]
    public void Older_containers_left_out_of_a_report_were_skipped_after_a_delivery_failure()
    {
        var tracker = new DeliveryTracker();
        var a = Container(0);
        var b = Container(1);
        var c = Container(2);
        var d = Container(3);
        tracker.Added([a, b, c, d]);

        var (delivered, skipped) = tracker.Released([a, c]);

        Assert.Equal([a, c], delivered);
        Assert.Equal([b], skipped);
        Assert.Equal(1, tracker.Outstanding);
    }

    [Fact]
    public void An_empty_report_releases_nothing()
    {
        var tracker = new DeliveryTracker();
        tracker.Added([Container(0)]);

        var (delivered, skipped) = tracker.Released([]);

        Assert.Empty(delivered);
        Assert.Empty(skipped);
        Assert.Equal(1, tracker.Outstanding);
    }
}
