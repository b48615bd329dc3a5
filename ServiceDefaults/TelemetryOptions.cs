namespace Insights.ServiceDefaults;

/// <summary>
/// <c>Insights:Telemetry</c>. OpenTelemetry itself is configured the standard way, by its <c>OTEL_*</c> environment
/// variables (<c>OTEL_EXPORTER_OTLP_ENDPOINT</c> turns the OTLP exporter on, <c>OTEL_SERVICE_NAME</c>...).
/// </summary>
public sealed class TelemetryOptions
{
    public const string SectionName = "Insights:Telemetry";

    public PrometheusOptions Prometheus { get; set; } = new();

    public TracingOptions Tracing { get; set; } = new();
}

/// <summary><c>Insights:Telemetry:Tracing</c>: which traces are recorded when they have somewhere to go (OTLP).</summary>
public sealed class TracingOptions
{
    /// <summary>
    /// Share of traces started here that are recorded (0 to 1); a trace a caller started and sampled is always
    /// followed. Every stream delivery and grain call starts a span, so at tens of thousands of events a second
    /// recording all of them costs more than the work they describe.
    /// </summary>
    public double SampleRatio { get; set; } = 0.05;
}

/// <summary><c>Insights:Telemetry:Prometheus</c>: the scrape endpoint <c>GET /metrics</c>.</summary>
public sealed class PrometheusOptions
{
    public const string Path = "/metrics";

    /// <summary>
    /// On by default. It answers without credentials, like the health endpoints (a scraper has none): turn it off where
    /// the port is reachable by others and nothing scrapes it.
    /// </summary>
    public bool Enabled { get; set; } = true;
}
