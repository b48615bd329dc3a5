namespace Insights.Streaming.EventHubs;

/// <summary>
/// Which offset of one partition may be committed. Offsets are registered as they are read (ascending, with gaps:
/// Kafka offsets need not be contiguous) and become done in any order: poison at once, events when their container
/// is delivered. The committable offset is the lowest offset read and not done (every offset below it is done or
/// never existed), or the one after the last read when all are done; Kafka resumes a group at exactly that offset.
/// It never runs ahead of an undelivered event, whatever order deliveries complete in.
/// </summary>
internal sealed class PartitionCheckpoint(long? committed)
{
    private readonly SortedSet<long> _notDone = [];
    private long? _firstRead;

    /// <summary>The offset last committed (where a restart resumes), or null when the group has none yet.</summary>
    public long? LastCommitted { get; private set; } = committed;

    /// <summary>The highest offset read, or null before the first read.</summary>
    public long? LastRead { get; private set; }

    /// <summary>Offsets read and not yet done.</summary>
    public int Pending => _notDone.Count;

    /// <summary>Where Kafka would resume if everything pending were lost: the commit target, whether or not it is new.</summary>
    public long? Position => _notDone.Count > 0 ? _notDone.Min : LastRead + 1 ?? LastCommitted;

    /// <summary>
    /// The offset to commit now, or null when that would not move forward: past the last commit or, before the first,
    /// past the first offset read (committing where reading began records nothing).
    /// </summary>
    public long? Committable => Position is { } p && p > (LastCommitted ?? _firstRead ?? long.MaxValue) ? p : null;

    public void Read(long offset)
    {
        if (offset < 0 || offset <= LastRead)
        {
            throw new ArgumentOutOfRangeException(nameof(offset), offset, $"Offsets must be read in ascending order; the last was {LastRead}.");
        }

        _notDone.Add(offset);
        _firstRead ??= offset;
        LastRead = offset;
    }

    /// <summary>Marks an offset done; offsets never read (or already done) are ignored.</summary>
    public void Done(long offset) => _notDone.Remove(offset);

    public void Done(IEnumerable<long> offsets)
    {
        foreach (var offset in offsets)
        {
            _notDone.Remove(offset);
        }
    }

    /// <summary>Records a successful commit of <paramref name="offset"/>.</summary>
    public void Committed(long offset)
    {
        if (Position is not { } p || offset > p)
        {
            throw new InvalidOperationException($"Offset {offset} was committed ahead of the committable position {Position}.");
        }

        if (LastCommitted is null || offset > LastCommitted)
        {
            LastCommitted = offset;
        }
    }
}
