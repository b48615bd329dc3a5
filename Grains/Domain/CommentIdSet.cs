namespace Insights.Grains.Domain;

/// <summary>
/// Counts each comment of a video once, exactly, with heap that does not grow with the number of comments.
/// <para>
/// Keys (<see cref="CommentKey"/>: creation second, id hash) are ordered by creation time. The newest
/// <see cref="Capacity"/> keys stay in heap (<c>_hot</c>); every key below the watermark (the smallest hot key) lives
/// in the archive (<see cref="ICommentIdArchive"/>), in the segment of its creation hour. A redelivery carries the
/// same creation time as the original, so it is looked up in the one place the original went: the hot set when it
/// is above the watermark, else its hour's segment, which the grain loads (<see cref="PrepareAsync"/>) only for a
/// batch that holds such an old comment. Live comments arrive in creation order, so nearly all stay in heap.
/// </para>
/// <para>
/// Crash safety rests on one rule: a segment only ever receives keys that the persisted state already counts.
/// Keys leaving the hot set, and new comments older than the watermark, first go to <c>_pending</c>, which is part
/// of the state: the state write that counts them also records them there (a redelivery finds them in pending).
/// Only after that write does <see cref="MergePendingAsync"/> add them to their segments, and pending is emptied.
/// A crash between the two leaves them in the persisted pending list, and the next merge adds them again
/// (adding a key twice is harmless). Segments are written with the storage's ETag, so a stale activation cannot
/// drop keys another one merged.
/// </para>
/// </summary>
[GenerateSerializer]
public sealed class CommentIdSet
{
    // The layout before the archive: a ring of hashes without creation times (Ids 0 to 3; 1 and 3 are skipped on
    // read). Read back from old state and moved to the legacy segment by MigrateLegacyAsync.
    [Id(0)] private ulong[]? _legacyRing;
    [Id(2)] private int _legacyCount;

    // Null in state read back from the old layout (deserialization runs no initializers): see Hot and PendingKeys.
    [Id(4)] private SortedCommentKeys? _hot;
    [Id(5)] private SortedCommentKeys? _pending;
    [Id(6)] private uint _watermarkSecond;
    [Id(7)] private ulong _watermarkHash;
    /// <summary>Whether any key was ever moved below the watermark (before that, everything is in heap).</summary>
    [Id(8)] private bool _archived;
    /// <summary>Comments created before this second may be in the legacy segment; 0 when there is none.</summary>
    [Id(9)] private uint _legacyUntil;

    // Segments loaded for the current batch, and the watermark when they were loaded: a key at or above it had no
    // segment to be in (it would be in heap or pending).
    [NonSerialized] private Dictionary<int, SortedCommentKeys>? _loaded;
    [NonSerialized] private CommentKey _loadedBelow;
    [NonSerialized] private bool _prepared;

    public CommentIdSet(int capacity) => Capacity = capacity;

    /// <summary>Keys kept in heap before the oldest half moves to the archive; from configuration, not persisted.</summary>
    public int Capacity
    {
        get;
        set
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 2);
            field = value;
        }
    }

    /// <summary>Keys in heap: the hot set and the ones waiting to be merged into the archive.</summary>
    public int InHeap => Hot.Count + PendingCount;

    public int Pending => PendingCount;

    /// <summary>Keys the in-heap arrays have room for (12 bytes each): at most one more than <see cref="Capacity"/> when nothing waits.</summary>
    public int HeapKeySlots => Hot.Room + (_pending?.Room ?? 0);

    /// <summary>Whether state written now must be followed by <see cref="MergePendingAsync"/> to keep heap bounded.</summary>
    public bool MergeDue => PendingCount >= Math.Max(1, Capacity / 2);

    public bool NeedsLegacyMigration => _legacyRing is not null;

    private SortedCommentKeys Hot => _hot ??= new();

    // Created by the first key that waits, dropped by the merge: reading it allocates nothing.
    private SortedCommentKeys PendingKeys => _pending ??= new();

    private int PendingCount => _pending?.Count ?? 0;

    private CommentKey Watermark => new(_watermarkSecond, _watermarkHash);

    /// <summary>
    /// Called once, before <see cref="Add"/>, on state read back with the old ring: comments created before
    /// <paramref name="until"/> may have been counted into the ring and are looked up in the legacy segment.
    /// </summary>
    public void StartLegacyMigration(DateTimeOffset until)
    {
        if (_legacyRing is not null && _legacyUntil == 0)
        {
            _legacyUntil = (uint)Math.Clamp(until.ToUnixTimeSeconds(), 1, uint.MaxValue);
        }
    }

    /// <summary>Writes the old ring's hashes as the legacy segment, then drops the ring from heap.</summary>
    public async Task MigrateLegacyAsync(ICommentIdArchive archive)
    {
        if (_legacyRing is null)
        {
            return;
        }

        var keys = new SortedCommentKeys();
        for (var i = 0; i < Math.Min(_legacyCount, _legacyRing.Length); i++)
        {
            keys.Add(new CommentKey(0, _legacyRing[i]));
        }

        // Overwritten whole each time: nothing else is ever added to the legacy segment.
        await archive.WriteAsync(ICommentIdArchive.LegacyBucket, keys);
        _legacyRing = null;
        _legacyCount = 0;
    }

    /// <summary>Loads the segments the comments of a batch may be in. Only comments older than the watermark need one.</summary>
    public async Task PrepareAsync(IEnumerable<(string CommentId, DateTimeOffset CreateTime)> comments, ICommentIdArchive archive)
    {
        if (_legacyRing is not null)
        {
            throw new InvalidOperationException("Migrate the legacy ring before adding comments.");
        }

        _loaded?.Clear();
        _loadedBelow = _archived ? Watermark : default;
        _prepared = true;
        foreach (var (id, createTime) in comments)
        {
            var key = CommentKey.Of(id, createTime);
            if (key.Second < _legacyUntil)
            {
                await LoadAsync(ICommentIdArchive.LegacyBucket, archive);
            }

            // A key still waiting to be merged is answered from memory: a redelivery soon after the original (the
            // usual kind) costs no read.
            if (key < _loadedBelow && _pending?.Contains(key) != true)
            {
                await LoadAsync(key.Bucket, archive);
            }
        }
    }

    /// <summary>Forgets the segments loaded for the last batch.</summary>
    public void ReleaseLoaded()
    {
        _loaded = null;
        _loadedBelow = default;
        _prepared = false;
    }

    /// <summary>Records the comment; false when it was counted before.</summary>
    public bool Add(string commentId, DateTimeOffset createTime)
    {
        var key = CommentKey.Of(commentId, createTime);
        if (key.Second < _legacyUntil && Loaded(ICommentIdArchive.LegacyBucket).Contains(new CommentKey(0, key.Hash)))
        {
            return false;
        }

        // The same id again with another creation time (a source that re-sends a comment with its time changed) is a
        // duplicate too while the first is among the ids in memory; older ids are found by id and creation time.
        if (Hot.ContainsHash(key.Hash) || _pending?.ContainsHash(key.Hash) == true)
        {
            return false;
        }

        if (!_archived || key >= Watermark)
        {
            // At most Capacity + 1 keys are ever hot (one more than Capacity is evicted at once).
            if (!Hot.Add(key, Capacity + 1))
            {
                return false;
            }

            if (Hot.Count > Capacity)
            {
                Evict();
            }

            return true;
        }

        if (!(_prepared && key >= _loadedBelow) && Loaded(key.Bucket).Contains(key))
        {
            return false;
        }

        PendingKeys.Add(key);
        return true;
    }

    /// <summary>
    /// Adds the pending keys to their segments. Call only after the state holding them (and counting their comments)
    /// was written: a segment must never hold a key the persisted state does not count.
    /// </summary>
    public async Task MergePendingAsync(ICommentIdArchive archive)
    {
        var i = 0;
        while (i < PendingCount)
        {
            var bucket = PendingKeys[i].Bucket;
            var segment = await archive.ReadAsync(bucket);
            for (; i < PendingKeys.Count && PendingKeys[i].Bucket == bucket; i++)
            {
                segment.Add(PendingKeys[i]);
            }

            await archive.WriteAsync(bucket, segment);
        }

        _pending = null;
        ReleaseLoaded();
    }

    private void Evict()
    {
        // The oldest half leaves heap; the watermark rises to the oldest key that stays.
        Hot.MoveSmallest(Hot.Count - (Capacity / 2), PendingKeys);
        var lowest = Hot[0];
        (_watermarkSecond, _watermarkHash, _archived) = (lowest.Second, lowest.Hash, true);
    }

    private SortedCommentKeys Loaded(int bucket) =>
        _loaded?.GetValueOrDefault(bucket)
        ?? throw new InvalidOperationException($"Comment id segment {bucket} is not loaded: call {nameof(PrepareAsync)} with the batch first.");

    private async Task LoadAsync(int bucket, ICommentIdArchive archive)
    {
        _loaded ??= [];
        if (!_loaded.ContainsKey(bucket))
        {
            _loaded[bucket] = await archive.ReadAsync(bucket);
        }
    }
}
