namespace Insights.Lake;

/// <summary>The zones of the lake: each is a container (Azure Blob) or a top folder (local).</summary>
public enum LakeZone
{
    /// <summary>Every accepted event exactly as received, with ingest metadata; append-only.</summary>
    Raw,
    /// <summary>Cleaned, deduplicated, sentiment-enriched data and video snapshots, as Parquet.</summary>
    Processed,
    /// <summary>Every rejected event with its payload, reason and time.</summary>
    Quarantine,
}
