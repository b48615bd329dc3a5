namespace Insights.Grains.Domain;

using System.Text;
using Insights.Stats;

/// <summary>
/// Approximate heavy hitters in bounded memory: the Space-Saving sketch (Metwally et al., 2005) over 64-bit hashes
/// of the terms, with <see cref="Capacity"/> counters. A new term takes the counter of the least frequent one and
/// inherits its count, so a reported count is an upper bound that overstates the true one by at most
/// (occurrences counted) / <see cref="Capacity"/>, and every term more frequent than that is guaranteed a counter.
/// Text is kept only for the <see cref="Named"/> most frequent terms, the ones <see cref="Top"/> can report (a term
/// enters that set only when its own count rises, which is when its text is at hand), as UTF-8 in one array. Counts
/// are 32-bit and saturate: a video's term occurrences would have to pass 4 billion.
/// </summary>
[GenerateSerializer]
public sealed class TermCounter
{
    // The layout before the sketch: exact counts by term (Id 0; Id 1 was the capacity). Folded in on first use.
    [Id(0)] private Dictionary<string, long>? _legacyCounts;

    [Id(2)] private ulong[] _hashes = [];
    // 64-bit counts and the names as strings (Ids 3 and 6), before the 32-bit counts and the UTF-8 names.
    [Id(3)] private long[]? _legacyCounts64;
    [Id(4)] private int _used;
    [Id(5)] private ulong[] _namedHashes = [];
    [Id(6)] private string[]? _legacyNames;
    [Id(7)] private uint[] _counts = [];
    /// <summary>The names of <c>_namedHashes</c>, in their order: each its UTF-8 length (a term is at most 40 characters) then its bytes.</summary>
    [Id(8)] private byte[] _names = [];

    public TermCounter(int capacity, int named)
    {
        Configure(capacity, named);
    }

    [NonSerialized] private int _capacity;
    [NonSerialized] private int _named;

    /// <summary>Counters in the sketch; from configuration, not persisted.</summary>
    public int Capacity => _capacity;

    /// <summary>Terms whose text is kept: the most that <see cref="Top"/> reports.</summary>
    public int Named => _named;

    public int Count => _used;

    public void Configure(int capacity, int named)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(named, 1);
        (_capacity, _named) = (capacity, Math.Min(named, capacity));
        // State read back from an old layout was built without running initializers.
        (_hashes, _counts, _namedHashes, _names) = (_hashes ?? [], _counts ?? [], _namedHashes ?? [], _names ?? []);
        if (_legacyCounts64 is { } counts64)
        {
            _legacyCounts64 = null;
            _counts = counts64.Select(c => (uint)Math.Clamp(c, 0, uint.MaxValue)).ToArray();
        }

        if (_legacyNames is { } names)
        {
            _legacyNames = null;
            _names = [];
            foreach (var name in names)
            {
                _names = AppendName(_names, name);
            }
        }

        if (_legacyCounts is { } legacy)
        {
            _legacyCounts = null;
            foreach (var (term, count) in legacy.OrderByDescending(kv => kv.Value).Take(capacity))
            {
                Add(term, count);
            }
        }
    }

    public void Add(ReadOnlySpan<char> term) => Add(term, 1);

    public IReadOnlyList<TermCount> Top(int n)
    {
        var top = new List<TermCount>(Math.Min(n, _namedHashes.Length));
        var offset = 0;
        for (var i = 0; i < _namedHashes.Length; i++)
        {
            var length = _names[offset];
            var at = IndexOf(_namedHashes[i]);
            if (at >= 0)
            {
                top.Add(new TermCount(Encoding.UTF8.GetString(_names, offset + 1, length), _counts[at]));
            }

            offset += 1 + length;
        }

        return top.OrderByDescending(t => t.Count).ThenBy(t => t.Term, StringComparer.Ordinal).Take(n).ToList();
    }

    private void Add(ReadOnlySpan<char> term, long increment)
    {
        var hash = CommentKey.Fnv1a(term);
        var at = IndexOf(hash);
        if (at < 0)
        {
            at = Claim(hash);
        }

        _counts[at] = (uint)Math.Min(uint.MaxValue, _counts[at] + increment);
        Name(hash, term, _counts[at]);
    }

    private int Claim(ulong hash)
    {
        if (_used < Capacity)
        {
            if (_used == _hashes.Length)
            {
                var size = Math.Min(Capacity, Math.Max(4, _used * 2));
                Array.Resize(ref _hashes, size);
                Array.Resize(ref _counts, size);
            }

            _hashes[_used] = hash;
            _counts[_used] = 0;
            return _used++;
        }

        // Space-Saving: the least frequent counter is given to the new term, count and all.
        var min = 0;
        for (var i = 1; i < _used; i++)
        {
            if (_counts[i] < _counts[min])
            {
                min = i;
            }
        }

        _hashes[min] = hash;
        return min;
    }

    /// <summary>Keeps the term's text when its count puts it among the <see cref="Named"/> highest.</summary>
    private void Name(ulong hash, ReadOnlySpan<char> term, uint count)
    {
        var lowest = -1;
        for (var i = 0; i < _namedHashes.Length; i++)
        {
            if (_namedHashes[i] == hash)
            {
                return;
            }

            var named = CountOf(_namedHashes[i]);
            if (lowest < 0 || named < CountOf(_namedHashes[lowest]))
            {
                lowest = i;
            }
        }

        if (_namedHashes.Length < Named)
        {
            Array.Resize(ref _namedHashes, _namedHashes.Length + 1);
            _namedHashes[^1] = hash;
            _names = AppendName(_names, term);
            return;
        }

        if (CountOf(_namedHashes[lowest]) >= count)
        {
            return;
        }

        // The lowest named term leaves the set; the new one joins at the end.
        var offset = 0;
        for (var i = 0; i < lowest; i++)
        {
            offset += 1 + _names[offset];
        }

        var leaving = 1 + _names[offset];
        Array.Copy(_namedHashes, lowest + 1, _namedHashes, lowest, _namedHashes.Length - lowest - 1);
        _namedHashes[^1] = hash;
        _names = AppendName(_names.AsSpan(0, offset), _names.AsSpan(offset + leaving), term);
    }

    private static byte[] AppendName(byte[] names, ReadOnlySpan<char> term) => AppendName(names, [], term);

    /// <summary>A new names array: <paramref name="before"/>, then <paramref name="after"/>, then the term.</summary>
    private static byte[] AppendName(ReadOnlySpan<byte> before, ReadOnlySpan<byte> after, ReadOnlySpan<char> term)
    {
        // Terms are at most 40 characters (TermExtractor); a longer one from old state is cut to what a length byte holds.
        var bytes = Encoding.UTF8.GetByteCount(term);
        while (bytes > byte.MaxValue)
        {
            term = term[..(char.IsLowSurrogate(term[^1]) ? term.Length - 2 : term.Length - 1)];
            bytes = Encoding.UTF8.GetByteCount(term);
        }

        var kept = before.Length + after.Length;
        var appended = new byte[kept + 1 + bytes];
        before.CopyTo(appended);
        after.CopyTo(appended.AsSpan(before.Length));
        appended[kept] = (byte)bytes;
        Encoding.UTF8.GetBytes(term, appended.AsSpan(kept + 1));
        return appended;
    }

    private uint CountOf(ulong hash)
    {
        var at = IndexOf(hash);
        return at < 0 ? 0 : _counts[at];
    }

    private int IndexOf(ulong hash) => _hashes.AsSpan(0, _used).IndexOf(hash);
}
