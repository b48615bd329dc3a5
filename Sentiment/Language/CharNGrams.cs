namespace Insights.Sentiment.Language;

using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

/// <summary>
/// The features of the language model: hashed character 1- to 4-grams of each word, the word padded with a space at
/// both ends (so " th" and "he " tell where words start and end), lower-cased. Only letters make words: digits,
/// punctuation and emoji separate them. Tokens that say nothing about the language are left out: @mentions, links,
/// "rt", literal <c>\uXXXX</c> escapes and HTML entities (the training files carry them, comments rarely do). Only
/// the first <see cref="MaxChars"/> characters are read: that is plenty to tell a language and bounds the work.
/// </summary>
public static class CharNGrams
{
    public const int MaxChars = 256;

    /// <summary>At most this many features come out of one text (four per character, plus word ends).</summary>
    public const int MaxFeatures = (MaxChars * 4) + 16;

    private const uint FnvPrime = 16777619;

    /// <summary>At most this many words come out of one text.</summary>
    public const int MaxWords = (MaxChars / 2) + 1;

    /// <summary>
    /// Writes the bucket (hash AND <paramref name="mask"/>) of each n-gram to <paramref name="features"/>, at least
    /// <see cref="MaxFeatures"/> long, returning how many; the hash of each word of two letters or more to
    /// <paramref name="words"/>, at least <see cref="MaxWords"/> long, counting them in <paramref name="wordCount"/>;
    /// counts the letters of each script into <paramref name="scripts"/>.
    /// </summary>
    public static int Extract(ReadOnlySpan<char> text, Span<int> features, int mask, Span<uint> words, out int wordCount, ref ScriptCounts scripts)
    {
        // The n-grams are written four at a time past the count: the buffer must hold the most there can be.
        ArgumentOutOfRangeException.ThrowIfLessThan(features.Length, MaxFeatures);
        wordCount = 0;
        if (text.Length > MaxChars)
        {
            text = text[..MaxChars];
        }

        var count = 0;
        var i = 0;
        while (i < text.Length)
        {
            if (char.IsWhiteSpace(text[i]))
            {
                i++;
                continue;
            }

            var end = i;
            while (end < text.Length && !char.IsWhiteSpace(text[end]))
            {
                end++;
            }

            var token = text[i..end];
            if (!IsNoise(token))
            {
                count = Token(token, features, count, mask, words, ref wordCount, ref scripts);
            }

            i = end;
        }

        return count;
    }

    /// <summary>
    /// A mention, a link ("http..." or "www." in any case, or anything with "://") or "rt". Compared character by
    /// character: ordinal ignore-case matches these ASCII letters only with their two ASCII cases, which is what
    /// <c>| 0x20</c> tests, and a library call per token cost more than the comparison.
    /// </summary>
    private static bool IsNoise(ReadOnlySpan<char> token)
    {
        var first = token[0] | 0x20;
        if (token[0] == '@'
            || (first == 'h' && token.Length >= 4 && (token[1] | 0x20) == 't' && (token[2] | 0x20) == 't' && (token[3] | 0x20) == 'p')
            || (first == 'w' && token.Length >= 4 && (token[1] | 0x20) == 'w' && (token[2] | 0x20) == 'w' && token[3] == '.')
            || (first == 'r' && token.Length == 2 && (token[1] | 0x20) == 't'))
        {
            return true;
        }

        for (var i = 0; i + 2 < token.Length; i++)
        {
            if (token[i] == ':' && token[i + 1] == '/' && token[i + 2] == '/')
            {
                return true;
            }
        }

        return false;
    }

    private static int Token(ReadOnlySpan<char> token, Span<int> features, int count, int mask, Span<uint> words, ref int wordCount, ref ScriptCounts scripts)
    {
        // length counts the padded word's characters read so far, up to 4 (the leading space is the first).
        var grams = GramHashes.WordStart;
        var length = 0;
        var word = WordSeed;
        var letters = 0;
        var masks = Vector128.Create(mask);
        for (var i = 0; i < token.Length; i++)
        {
            var c = token[i];
            var script = ScriptOf.Of(c);
            if (script == Script.None)
            {
                if (length > 0)
                {
                    count = EndWord(features, count, masks, ref grams, length);
                    AddWord(words, ref wordCount, word, letters);
                    (length, word, letters) = (0, WordSeed, 0);
                }

                i += SkipEscape(token[i..]);
                continue;
            }

            scripts.Add(script, c);
            if (length == 0)
            {
                (grams, length) = (GramHashes.WordStart, 1);
            }

            var lower = Lower(c);
            length = Math.Min(length + 1, 4);
            word = Hash(word, lower);
            letters++;

            // The 1- to 4-grams ending here, in that order; only the first `length` exist yet (length >= 2).
            Bucket(grams.Next(lower), masks).StoreUnsafe(ref MemoryMarshal.GetReference(features), (nuint)count);
            count += length;
        }

        if (length > 0)
        {
            AddWord(words, ref wordCount, word, letters);
            return EndWord(features, count, masks, ref grams, length);
        }

        return count;
    }

    private const uint WordSeed = 2166136261u;

    /// <summary>The hash <see cref="Extract"/> gives a word (letters only, any case).</summary>
    public static uint WordHash(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        var hash = WordSeed;
        foreach (var c in word)
        {
            hash = Hash(hash, Lower(c));
        }

        return hash;
    }

    private static void AddWord(Span<uint> words, ref int wordCount, uint hash, int letters)
    {
        if (letters >= 2 && wordCount < words.Length)
        {
            words[wordCount++] = hash;
        }
    }

    /// <summary>The grams that end with the closing space: "x ", "yx " and, for words of two letters or more, "zyx ".</summary>
    private static int EndWord(Span<int> features, int count, Vector128<int> masks, ref GramHashes grams, int length)
    {
        var buckets = Bucket(grams.Next(' '), masks);

        // The 2-, 3- and 4-grams, moved to the front.
        Vector128.Shuffle(buckets, Vector128.Create(1, 2, 3, 3)).StoreUnsafe(ref MemoryMarshal.GetReference(features), (nuint)count);
        return count + Math.Min(length, 3);
    }

    /// <summary>How many characters after the current one belong to a <c>\uXXXX</c> escape or an HTML entity starting at it.</summary>
    private static int SkipEscape(ReadOnlySpan<char> rest)
    {
        if (rest.Length >= 6 && rest[0] == '\\' && (rest[1] | 0x20) == 'u' && IsHex(rest[2]) && IsHex(rest[3]) && IsHex(rest[4]) && IsHex(rest[5]))
        {
            return 5;
        }

        if (rest[0] == '&')
        {
            var semicolon = rest[..Math.Min(rest.Length, 10)].IndexOf(';');
            if (semicolon > 1 && rest[1..semicolon].ContainsAnyExcept("#0123456789abcdefghijklmnopqrstuvwxyz") is false)
            {
                return semicolon;
            }
        }

        return 0;
    }

    private static bool IsHex(char c) => char.IsAsciiHexDigit(c);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static char Lower(char c) => c < 0x80 ? (char)(c | 0x20) : char.ToLower(c, CultureInfo.InvariantCulture);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint Hash(uint h, char c) => (h ^ c) * FnvPrime;

    /// <summary>The finaliser of the n-gram hashes, four at a time: h ^= h >> 16; h *= 0x7feb352d; h ^= h >> 15; AND mask.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<int> Bucket(Vector128<uint> h, Vector128<int> mask)
    {
        h ^= h >>> 16;
        h *= 0x7feb352d;
        h ^= h >>> 15;
        return h.AsInt32() & mask;
    }

    /// <summary>
    /// The running FNV-1a states of the 1- to 4-grams, one lane per gram length n (seed 2166136261 + n):
    /// <see cref="a"/> has hashed the last n−1 characters, <see cref="b"/> the last n−2, <see cref="c"/> the last n−3
    /// (lanes where that count is 0 hold the seed; where it is negative, anything, as those grams are not used yet).
    /// Each character then takes one multiply per state for all four lengths, where hashing each gram from its seed
    /// took ten, with the same hashes.
    /// </summary>
    private struct GramHashes
    {
        private static readonly Vector128<uint> Seeds = Vector128.Create(2166136261u + 1, 2166136261u + 2, 2166136261u + 3, 2166136261u + 4);

        /// <summary>The states of a new word: the seeds, then the padding space read.</summary>
        public static readonly GramHashes WordStart = Start();

        private Vector128<uint> a;
        private Vector128<uint> b;
        private Vector128<uint> c;

        /// <summary>Reads <paramref name="x"/>: returns the hashes of the 1- to 4-grams that end with it.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public Vector128<uint> Next(char x)
        {
            var xs = Vector128.Create((uint)x);
            var grams = (a ^ xs) * FnvPrime;
            a = Vector128.ConditionalSelect(Vector128.Create(~0u, 0, 0, 0), Seeds, (b ^ xs) * FnvPrime);
            b = Vector128.ConditionalSelect(Vector128.Create(~0u, ~0u, 0, 0), Seeds, (c ^ xs) * FnvPrime);
            c = Vector128.ConditionalSelect(Vector128.Create(~0u, ~0u, ~0u, 0), Seeds, (Seeds ^ xs) * FnvPrime);
            return grams;
        }

        private static GramHashes Start()
        {
            var start = new GramHashes { a = Seeds, b = Seeds, c = Seeds };
            start.Next(' ');
            return start;
        }
    }
}
