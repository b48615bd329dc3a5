namespace Insights.Sources;

using System.Diagnostics;
using System.Diagnostics.Metrics;

/// <summary>
/// Instruments of meter <c>Insights.Sources</c>. Every instrument carries a <c>source</c> tag (<c>tiktok</c>).
/// </summary>
public sealed class SourceMetrics
{
    public const string MeterName = "Insights.Sources";

    private readonly Counter<long> _requests;
    private readonly Counter<long> _failures;
    private readonly Counter<long> _events;
    private readonly Counter<long> _throttled;

    public SourceMetrics(IMeterFactory meterFactory)
    {
        Meter = meterFactory.Create(MeterName);
        _requests = Meter.CreateCounter<long>("insights.sources.requests", "{request}",
            "Requests sent to the source's API, by operation and HTTP status (or error)");
        _failures = Meter.CreateCounter<long>("insights.sources.failures", "{failure}",
            "Failed requests (outage, 5xx, malformed or error answer) and failed deliveries, by operation and reason");
        _events = Meter.CreateCounter<long>("insights.sources.events", "{event}",
            "Events handed to the sink, by type and outcome (accepted or rejected)");
        _throttled = Meter.CreateCounter<long>("insights.sources.throttled", "{wait}",
            "Times a request waited for the request budget (minute, day) or was answered 429");
    }

    public Meter Meter { get; }

    public void Request(string source, string operation, string status) =>
        _requests.Add(1, new TagList { { "source", source }, { "operation", operation }, { "status", status } });

    public void Failure(string source, string operation, string reason) =>
        _failures.Add(1, new TagList { { "source", source }, { "operation", operation }, { "reason", reason } });

    public void Events(string source, string type, string outcome, long count)
    {
        if (count > 0)
        {
            _events.Add(count, new TagList { { "source", source }, { "type", type }, { "outcome", outcome } });
        }
    }

    public void Throttled(string source, string reason) =>
        _throttled.Add(1, new TagList { { "source", source }, { "reason", reason } });
}
