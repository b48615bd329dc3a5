namespace Insights.Streaming.Tests.EventHubs;

using System.Diagnostics.Metrics;
using Insights.Streaming.EventHubs;
using Insights.Streaming.Tests.EventHubs.Support;
using Insights.Telemetry;
using Insights.Wire;

/// <summary>Events other producers send to the hub are counted on the ingest meter with <c>source=eventhubs</c>.</summary>
public sealed class DataAdapterMetricsTests
{
    [Fact]
    public void A_good_event_counts_as_accepted_and_a_bad_one_as_rejected_and_quarantined()
    {
        var counts = new System.Collections.Concurrent.ConcurrentDictionary<string, long>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == IngestMetrics.MeterName)
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            foreach (var tag in tags)
            {
                // Other tests decode hub messages at the same time: count by instrument, these tests' source only.
                if (tag.Key == "source" && (string?)tag.Value == InsightsEventHubDataAdapter.Source)
                {
                    counts.AddOrUpdate(instrument.Name, value, (_, old) => old + value);
                }
            }
        });
        listener.Start();

        var adapter = new InsightsEventHubDataAdapter(TestSerialization.Serializer, new WireEventParser(new IngestLimits(), TimeProvider.System), TimeProvider.System);
        adapter.GetStreamPosition("0", HubEvents.Json(HubEvents.Comment("v1", "c1", "so good"), "v1"));
        adapter.GetStreamPosition("0", HubEvents.Json("""{"type":"comment","video_id":"v1"}""", "v1"));

        Assert.True(counts.GetValueOrDefault("insights.ingest.events.accepted") >= 1);
        Assert.True(counts.GetValueOrDefault("insights.ingest.events.rejected") >= 1);
        Assert.True(counts.GetValueOrDefault("insights.ingest.events.quarantined") >= 1);
    }
}
