namespace Insights.Lake.Writing;

/// <summary>How zone writers batch rows into files. Section <c>Insights:Lake:Writer</c>.</summary>
public sealed class LakeWriterOptions
{
    public const string SectionName = "Insights:Lake:Writer";

    /// <summary>A partition's buffer is written as one file once it holds this many rows.</summary>
    public int MaxRowsPerFile { get; set; } = 50_000;

    /// <summary>... or once its oldest row has waited this long.</summary>
    public TimeSpan MaxFileAge { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long rows whose callers wait for them to be stored (ingest acknowledges only what landed) wait for other
    /// callers' rows to join their file: longer means fewer, bigger files and slower answers.
    /// </summary>
    public TimeSpan CommitDelay { get; set; } = TimeSpan.FromMilliseconds(50);

    /// <summary>
    /// Most rows a writer holds across partitions, written or waiting. Past it, callers are held back (ingestion
    /// answers "retry", grains wait) instead of the writer growing without bound while storage is down.
    /// </summary>
    public int MaxBufferedRows { get; set; } = 1_000_000;

    /// <summary>First delay before retrying a failed file write; doubles up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan InitialRetryDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often the writer checks partitions for age.</summary>
    public TimeSpan TickInterval { get; set; } = TimeSpan.FromSeconds(1);
}
