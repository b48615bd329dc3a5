namespace Insights.Grains.Domain;

using Insights.Stats;

/// <summary>
/// Approximate heavy hitters: counts terms exactly until it holds twice its capacity, then keeps only the top
/// <see cref="Capacity"/>. A term that is frequent overall stays; a rare one may be forgotten and restart at zero,
/// so counts of the top terms are lower bounds. Memory is bounded by 2 x Capacity terms.
/// </summary>
[GenerateSerializer]
public sealed class TermCounter
{
    [Id(0)] private readonly Dictionary<string, long> _counts = new(StringComparer.Ordinal);
    [Id(1)] public int Capacity { get; private set; }

    public TermCounter(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        Capacity = capacity;
    }

    public int Count => _counts.Count;

    public void Add(ReadOnlySpan<char> term)
    {
        var lookup = _counts.GetAlternateLookup<ReadOnlySpan<char>>();
        if (lookup.TryGetValue(term, out var n))
        {
            lookup[term] = n + 1;
            return;
        }

        lookup[term] = 1;
        if (_counts.Count >= Capacity * 2)
        {
            Compact();
        }
    }

    public IReadOnlyList<TermCount> Top(int n) =>
        _counts.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal)
            .Take(n).Select(kv => new TermCount(kv.Key, kv.Value)).ToList();

    private void Compact()
    {
        var keep = _counts.OrderByDescending(kv => kv.Value).Take(Capacity).ToList();
        _counts.Clear();
        foreach (var (term, count) in keep)
        {
            _counts[term] = count;
        }
    }
}
