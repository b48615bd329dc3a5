namespace Insights.Telemetry;

using System.Diagnostics.Metrics;

/// <summary>
/// Meter <c>Insights.Ingest</c>: what every entry (HTTP, a source, the hub) did with the events it was given, tagged
/// with the entry's <c>source</c>. Here, in the Orleans-free contracts, so every entry records the same instruments.
/// Prometheus shows them as <c>insights_ingest_events_accepted_total</c> and so on.
/// </summary>
public static class IngestMetrics
{
    public const string MeterName = "Insights.Ingest";

    private static readonly Meter Meter = new(MeterName);

    private static readonly Counter<long> Accepted = Meter.CreateCounter<long>(
        "insights.ingest.events.accepted", "{event}", "Events accepted: published to their video's stream");

    private static readonly Counter<long> Rejected = Meter.CreateCounter<long>(
        "insights.ingest.events.rejected", "{event}", "Events refused as invalid (each is quarantined)");

    private static readonly Counter<long> Retry = Meter.CreateCounter<long>(
        "insights.ingest.events.retry", "{event}", "Valid events that could not be published now and were answered 'retry'");

    private static readonly Counter<long> Quarantined = Meter.CreateCounter<long>(
        "insights.ingest.events.quarantined", "{record}", "Records written to the quarantine zone at ingest: refused events and refused bodies");

    public static void RecordBatch(string source, int accepted, int rejected, int retry)
    {
        var tag = new KeyValuePair<string, object?>("source", source);
        Add(Accepted, accepted, tag);
        Add(Rejected, rejected, tag);
        Add(Retry, retry, tag);
    }

    public static void RecordQuarantined(string source, int records) =>
        Add(Quarantined, records, new KeyValuePair<string, object?>("source", source));

    private static void Add(Counter<long> counter, int value, KeyValuePair<string, object?> tag)
    {
        if (value > 0)
        {
            counter.Add(value, tag);
        }
    }
}
