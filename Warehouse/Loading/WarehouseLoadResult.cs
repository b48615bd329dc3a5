namespace Insights.Warehouse.Loading;

/// <summary>What one load did.</summary>
public sealed record WarehouseLoadResult
{
    public required string Target { get; init; }
    public DateTimeOffset StartedAt { get; init; }
    public TimeSpan Duration { get; init; }

    /// <summary>Files loaded for the first time or reloaded because they changed.</summary>
    public int FilesLoaded { get; init; }

    /// <summary>Files that disappeared from the lake: their rows were removed.</summary>
    public int FilesRemoved { get; init; }

    /// <summary>Files already loaded as they are.</summary>
    public int FilesUnchanged { get; init; }

    /// <summary>Files that vanished between listing and loading (replay): picked up by the next load.</summary>
    public int FilesSkipped { get; init; }

    public long RowsLoaded { get; init; }

    /// <summary>Rows removed: of removed files, and the previous rows of reloaded files.</summary>
    public long RowsRemoved { get; init; }

    public int DatesAdded { get; init; }

    /// <summary>Files that failed ("path: error"); nothing of them was kept, and the next load tries them again.</summary>
    public IReadOnlyList<string> Failures { get; init; } = [];

    /// <summary>Rows loaded per dataset (<c>comments</c>, <c>video_snapshots</c>, <c>dim_videos</c>, <c>dim_creators</c>).</summary>
    public IReadOnlyDictionary<string, long> RowsByDataset { get; init; } = new Dictionary<string, long>();

    public bool Changed => FilesLoaded > 0 || FilesRemoved > 0;
}
