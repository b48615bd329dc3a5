namespace Insights.Sentiment.Language;

using System.Globalization;
using System.Runtime.CompilerServices;

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
        // The last four characters of the padded word; c3 the newest. length counts them up to 4.
        char c0 = ' ', c1 = ' ', c2 = ' ', c3 = ' ';
        var length = 0;
        var word = WordSeed;
        var letters = 0;
        for (var i = 0; i < token.Length; i++)
        {
            var c = token[i];
            var script = ScriptOf.Of(c);
            if (script == Script.None)
            {
                if (length > 0)
                {
                    count = EndWord(features, count, mask, c1, c2, c3, length);
                    AddWord(words, ref wordCount, word, letters);
                    (length, word, letters) = (0, WordSeed, 0);
                }

                i += SkipEscape(token[i..]);
                continue;
            }

            scripts.Add(script, c);
            if (length == 0)
            {
                (c0, c1, c2, c3, length) = (' ', ' ', ' ', ' ', 1);
            }

            (c0, c1, c2, c3) = (c1, c2, c3, Lower(c));
            length = Math.Min(length + 1, 4);
            word = Hash(word, c3);
            letters++;
            features[count++] = Bucket(Hash(1, c3), mask);
            features[count++] = Bucket(Hash(Hash(2, c2), c3), mask);
            if (length >= 3)
            {
                features[count++] = Bucket(Hash(Hash(Hash(3, c1), c2), c3), mask);
            }

            if (length >= 4)
            {
                features[count++] = Bucket(Hash(Hash(Hash(Hash(4, c0), c1), c2), c3), mask);
            }
        }

        if (length > 0)
        {
            AddWord(words, ref wordCount, word, letters);
            return EndWord(features, count, mask, c1, c2, c3, length);
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

    /// <summary>The grams that end with the closing space: "x ", "yx ", "zyx ".</summary>
    private static int EndWord(Span<int> features, int count, int mask, char c1, char c2, char c3, int length)
    {
        features[count++] = Bucket(Hash(Hash(2, c3), ' '), mask);
        if (length >= 2)
        {
            features[count++] = Bucket(Hash(Hash(Hash(3, c2), c3), ' '), mask);
        }

        if (length >= 3)
        {
            features[count++] = Bucket(Hash(Hash(Hash(Hash(4, c1), c2), c3), ' '), mask);
        }

        return count;
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

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint Hash(int gramLength, char c) => Hash(2166136261u + (uint)gramLength, c);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Bucket(uint h, int mask)
    {
        h ^= h >> 16;
        h *= 0x7feb352d;
        h ^= h >> 15;
        return (int)(h & (uint)mask);
    }
}
