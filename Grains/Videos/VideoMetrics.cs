namespace Insights.Grains.Videos;

using System.Diagnostics.Metrics;
using Insights.Events;

/// <summary>
/// Meter <c>Insights.Grains</c>: how many video grains are active on this silo, and how long events took from the
/// API's acceptance (<see cref="VideoStreamEvent.IngestedAt"/>) to their grain, the freshness of the live stats.
/// </summary>
internal static class VideoMetrics
{
    public const string MeterName = "Insights.Grains";

    private static readonly Meter Meter = new(MeterName);

    private static readonly UpDownCounter<long> ActiveVideos = Meter.CreateUpDownCounter<long>(
        "insights.grains.videos.active", "{grain}", "Video grains active on this silo");

    private static readonly Histogram<double> DeliveryLatency = Meter.CreateHistogram<double>(
        "insights.stream.delivery.latency", "s", "From the event's acceptance at ingest to its delivery to the video grain",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300] });

    public static void Activated() => ActiveVideos.Add(1);

    public static void Deactivated() => ActiveVideos.Add(-1);

    /// <summary>One measurement per delivered event; events without an ingest time (replays of old state) are skipped.</summary>
    public static void Delivered(IList<Orleans.Streams.SequentialItem<VideoStreamEvent>> items, DateTimeOffset now)
    {
        if (!DeliveryLatency.Enabled)
        {
            return;
        }

        foreach (var item in items)
        {
            if (item.Item is { IngestedAt: var ingested } && ingested != default)
            {
                DeliveryLatency.Record(Math.Max(0, (now - ingested).TotalSeconds));
            }
        }
    }
}
