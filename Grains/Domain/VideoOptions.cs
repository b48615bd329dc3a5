namespace Insights.Grains.Domain;

/// <summary>How each video keeps its state. Bound from configuration section <c>Insights:Video</c>.</summary>
public sealed class VideoOptions
{
    public const string SectionName = "Insights:Video";

    /// <summary>How often a video grain writes its state and reports to the leaderboard (write-behind).</summary>
    public TimeSpan FlushInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Write state before acknowledging every delivered batch (write-through). Durable stream providers need it: they
    /// delete or checkpoint a message once its delivery returns, so state written later could be lost with the silo.
    /// The silo turns it on for every provider but Memory.
    /// </summary>
    public bool PersistEveryBatch { get; set; }

    /// <summary>
    /// Comment ids kept in heap per video (the newest by creation time); older ones are in the archive segments in
    /// grain storage (<see cref="CommentIdSet"/>), so de-duplication stays exact whatever this is: it only trades heap
    /// for storage reads of late comments.
    /// </summary>
    public int DedupCapacity { get; set; } = 128;

    /// <summary>
    /// Without write-through (memory streams), comment ids waiting to be archived before a state write is forced for
    /// them; otherwise they wait for the flush timer's write. Memory streams lose their queues with the silo anyway,
    /// so writing earlier buys no safety, and writing every <see cref="DedupCapacity"/>/2 comments halved throughput.
    /// </summary>
    public int MaxPendingCommentIds { get; set; } = 1024;

    public int RecentComments { get; set; } = 20;

    /// <summary>How many top terms and hashtags a video reports.</summary>
    public int TopTerms { get; set; } = 10;

    /// <summary>
    /// Counters of each video's term (and hashtag) sketch (<see cref="TermCounter"/>): a reported count overstates
    /// the true one by at most the video's term occurrences divided by this.
    /// </summary>
    public int TermCapacity { get; set; } = 64;
}
