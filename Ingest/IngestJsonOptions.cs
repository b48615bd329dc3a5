namespace Insights.Ingest;

/// <summary>
/// How deep an ingest body may nest (<c>Insights:Api:MaxJsonDepth</c>, where the API's limits live; events need 3).
/// Bound by every host that ingests, so a batch is read the same way whatever its entry.
/// </summary>
public sealed class IngestJsonOptions
{
    public const string SectionName = "Insights:Api";

    public const string MaxJsonDepthKey = SectionName + ":MaxJsonDepth";

    public int MaxJsonDepth { get; set; } = 16;
}
