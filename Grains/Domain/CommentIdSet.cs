namespace Insights.Grains.Domain;

/// <summary>
/// Remembers the most recent <see cref="Capacity"/> comment ids of a video to count each comment once.
/// Ids are kept as 64-bit FNV-1a hashes (a false duplicate needs a hash collision: about 1 in 10^10 at 50,000 ids).
/// Past the capacity the oldest id is forgotten, so a duplicate arriving after more than Capacity newer comments
/// would count again; redeliveries from at-least-once sources arrive far sooner than that.
/// </summary>
[GenerateSerializer]
public sealed class CommentIdSet
{
    [Id(0)] private ulong[] _ring = [];
    [Id(1)] private int _next;
    [Id(2)] private int _count;
    [Id(3)] public int Capacity { get; private set; }

    // Rebuilt from the ring after deserialization; the ring alone is what is persisted.
    [NonSerialized] private HashSet<ulong>? _lookup;

    public CommentIdSet(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        Capacity = capacity;
    }

    public int Count => _count;

    /// <summary>Records the id; false when it was already there.</summary>
    public bool Add(string commentId)
    {
        var hash = Hash(commentId);
        var lookup = _lookup ??= Rebuild();
        if (!lookup.Add(hash))
        {
            return false;
        }

        if (_count == Capacity)
        {
            lookup.Remove(_ring[_next]);
            _ring[_next] = hash;
            _next = (_next + 1) % Capacity;
            return true;
        }

        if (_count == _ring.Length)
        {
            // Grow geometrically so small videos stay small.
            Array.Resize(ref _ring, Math.Min(Capacity, Math.Max(16, _ring.Length * 2)));
        }

        _ring[_count++] = hash;
        _next = _count % Capacity;
        return true;
    }

    public bool Contains(string commentId) => (_lookup ??= Rebuild()).Contains(Hash(commentId));

    private HashSet<ulong> Rebuild()
    {
        var set = new HashSet<ulong>(_count);
        for (var i = 0; i < _count; i++)
        {
            set.Add(_ring[i]);
        }

        return set;
    }

    internal static ulong Hash(string s)
    {
        const ulong offset = 14695981039346656037UL;
        const ulong prime = 1099511628211UL;
        var h = offset;
        foreach (var c in s)
        {
            h = (h ^ (byte)c) * prime;
            h = (h ^ (byte)(c >> 8)) * prime;
        }

        return h;
    }
}
