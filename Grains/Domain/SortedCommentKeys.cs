namespace Insights.Grains.Domain;

/// <summary>
/// A set of <see cref="CommentKey"/>s as two parallel arrays sorted by key: 12 bytes a key, no per-entry objects,
/// binary search to find one. Comments arrive mostly in creation order, so an insert is nearly always an append.
/// </summary>
[GenerateSerializer]
public sealed class SortedCommentKeys
{
    [Id(0)] private uint[] _seconds = [];
    [Id(1)] private ulong[] _hashes = [];
    [Id(2)] private int _count;

    public int Count => _count;

    /// <summary>Keys the arrays have room for: what the set costs in heap, 12 bytes each.</summary>
    public int Room => _seconds.Length;

    public CommentKey this[int index] => new(_seconds[index], _hashes[index]);

    public bool Contains(CommentKey key) => IndexOf(key) >= 0;

    /// <summary>
    /// Whether any key has this id hash, whatever its creation second: a scan (vectorized), since the sets it is asked
    /// of (the ids in memory) hold at most a thousand or so.
    /// </summary>
    public bool ContainsHash(ulong hash) => _hashes.AsSpan(0, _count).Contains(hash);

    /// <summary>
    /// Adds the key; false when it was there already. The arrays grow by doubling, but never past
    /// <paramref name="limit"/> keys while the set holds fewer: a set that is kept at most that large pays for no more.
    /// </summary>
    public bool Add(CommentKey key, int limit = int.MaxValue)
    {
        var at = IndexOf(key);
        if (at >= 0)
        {
            return false;
        }

        at = ~at;
        if (_count == _seconds.Length)
        {
            var capacity = Math.Max(_count + 1, Math.Min(limit, Math.Max(8, _count * 2)));
            Array.Resize(ref _seconds, capacity);
            Array.Resize(ref _hashes, capacity);
        }

        Array.Copy(_seconds, at, _seconds, at + 1, _count - at);
        Array.Copy(_hashes, at, _hashes, at + 1, _count - at);
        _seconds[at] = key.Second;
        _hashes[at] = key.Hash;
        _count++;
        return true;
    }

    /// <summary>Moves the <paramref name="n"/> smallest keys into <paramref name="target"/>.</summary>
    public void MoveSmallest(int n, SortedCommentKeys target)
    {
        for (var i = 0; i < n; i++)
        {
            target.Add(this[i]);
        }

        Array.Copy(_seconds, n, _seconds, 0, _count - n);
        Array.Copy(_hashes, n, _hashes, 0, _count - n);
        _count -= n;
    }

    private int IndexOf(CommentKey key)
    {
        // Appends first: a key beyond the last is the common case.
        if (_count == 0 || key > this[_count - 1])
        {
            return ~_count;
        }

        var lo = 0;
        var hi = _count - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            var c = this[mid].CompareTo(key);
            if (c == 0)
            {
                return mid;
            }

            if (c < 0)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return ~lo;
    }
}
