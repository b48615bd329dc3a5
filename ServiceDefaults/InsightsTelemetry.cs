namespace Insights.ServiceDefaults;

/// <summary>Names under which Insights' own code publishes telemetry; every project's meter starts with the prefix.</summary>
public static class InsightsTelemetry
{
    /// <summary>
    /// Meters <c>Insights.Ingest</c>, <c>Insights.Lake</c>, <c>Insights.Sentiment</c>...; their instruments are named
    /// <c>insights.*</c>, which Prometheus shows as <c>insights_*</c>.
    /// </summary>
    public const string MeterPattern = "Insights.*";

    public const string ActivitySourcePattern = "Insights.*";
}
