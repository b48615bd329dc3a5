namespace Insights.Configuration;

/// <summary>
/// How silos find each other and clients find silos. Section <c>Insights:Cluster</c>; read by the silo and the API
/// alike so both sides always agree.
/// </summary>
public sealed class InsightsClusterOptions
{
    public const string SectionName = "Insights:Cluster";

    /// <summary><c>Localhost</c>: one silo on this machine (the embedded default).</summary>
    public string Provider { get; set; } = "Localhost";

    public string ClusterId { get; set; } = "insights-local";

    public string ServiceId { get; set; } = "insights";

    public int SiloPort { get; set; } = 11111;

    public int GatewayPort { get; set; } = 30000;
}
