namespace Insights.Sentiment.Lexicon;

using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

/// <summary>
/// A read-only hash table from words to entries, searched with spans: open addressing at a load of at most one half,
/// each bucket holding 16 bits of the hash beside the slot number (so a miss, the common case for comment words, is
/// decided in the bucket array alone), keys packed in one char array, a hash that reads two characters per step.
/// Small enough to stay in the CPU cache: every word of every comment is looked up, some several times (inflections).
/// </summary>
internal sealed class WordTable
{
    private const int MaxCount = ushort.MaxValue;

    private readonly uint[] buckets;
    private readonly Slot[] slots;
    private readonly char[] keys;
    private readonly int mask;

    public WordTable(IEnumerable<KeyValuePair<string, LexiconEntry>> items)
    {
        var list = items.ToList();
        if (list.Count > MaxCount)
        {
            throw new ArgumentException($"A word table holds at most {MaxCount} words.", nameof(items));
        }

        var capacity = 16;
        while (capacity < list.Count * 2)
        {
            capacity *= 2;
        }

        mask = capacity - 1;
        buckets = new uint[capacity];
        slots = new Slot[list.Count];
        keys = new char[list.Sum(p => p.Key.Length)];
        var offset = 0;
        for (var n = 0; n < list.Count; n++)
        {
            var (key, entry) = list[n];
            if (TryGetValue(key, out _))
            {
                throw new ArgumentException($"The key '{key}' is given twice.", nameof(items));
            }

            var hash = Hash(key);
            var index = (int)hash & mask;
            while (buckets[index] != 0)
            {
                index = (index + 1) & mask;
            }

            key.CopyTo(keys.AsSpan(offset));
            slots[n] = new Slot(offset, key.Length, entry);
            buckets[index] = (hash & 0xFFFF0000u) | (uint)(n + 1);
            offset += key.Length;
        }
    }

    public int Count => slots.Length;

    public bool TryGetValue(ReadOnlySpan<char> key, out LexiconEntry entry)
    {
        var hash = Hash(key);
        var tag = hash & 0xFFFF0000u;
        var index = (int)hash & mask;
        while (true)
        {
            var bucket = buckets[index];
            if (bucket == 0)
            {
                entry = default;
                return false;
            }

            if ((bucket & 0xFFFF0000u) == tag)
            {
                ref readonly var slot = ref slots[(int)(bucket & 0xFFFF) - 1];
                if (slot.Length == key.Length && keys.AsSpan(slot.Start, slot.Length).SequenceEqual(key))
                {
                    entry = slot.Entry;
                    return true;
                }
            }

            index = (index + 1) & mask;
        }
    }

    public bool ContainsKey(ReadOnlySpan<char> key) => TryGetValue(key, out _);

    /// <summary>Two characters per multiply, then a full avalanche (MurmurHash3's finalizer): the low bits pick the bucket, the high ones are the tag.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint Hash(ReadOnlySpan<char> key)
    {
        ref var start = ref Unsafe.As<char, byte>(ref MemoryMarshal.GetReference(key));
        var hash = (uint)key.Length * 0x9E3779B1u;
        var i = 0;
        for (; i + 1 < key.Length; i += 2)
        {
            hash = (hash ^ Unsafe.ReadUnaligned<uint>(ref Unsafe.Add(ref start, i * 2))) * 0x01000193u;
            hash = (hash << 13) | (hash >> 19);
        }

        if (i < key.Length)
        {
            hash = (hash ^ key[i]) * 0x01000193u;
        }

        hash ^= hash >> 16;
        hash *= 0x85EBCA6Bu;
        hash ^= hash >> 13;
        hash *= 0xC2B2AE35u;
        return hash ^ (hash >> 16);
    }

    private readonly record struct Slot(int Start, int Length, LexiconEntry Entry);
}
