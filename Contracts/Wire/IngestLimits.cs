namespace Insights.Wire;

/// <summary>
/// Bounds on what ingestion accepts. Bound from configuration section <c>Insights:Ingest</c>.
/// </summary>
public sealed class IngestLimits
{
    public const string SectionName = "Insights:Ingest";

    /// <summary>Largest request body accepted by <c>POST /api/events</c>, in bytes.</summary>
    public long MaxBodyBytes { get; set; } = 8 * 1024 * 1024;

    /// <summary>Most events in one batch.</summary>
    public int MaxBatchEvents { get; set; } = 5_000;

    /// <summary>Longest comment text, in UTF-16 characters.</summary>
    public int MaxCommentTextLength { get; set; } = 2_000;

    /// <summary>Longest video description, in UTF-16 characters.</summary>
    public int MaxDescriptionLength { get; set; } = 4_000;

    public int MaxHashtags { get; set; } = 100;

    /// <summary>How far in the future an event time may lie (clock skew between sources and us).</summary>
    public TimeSpan MaxFutureSkew { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Earliest plausible event time: TikTok launched in September 2016.</summary>
    public DateTimeOffset MinEventTime { get; set; } = new(2016, 9, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Largest plausible counter; more views than people on earth many times over is an error.</summary>
    public long MaxCounter { get; set; } = 1_000_000_000_000;
}
