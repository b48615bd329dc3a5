namespace Insights.Sentiment.Learned;

using System.Buffers;
using System.Globalization;
using System.Runtime.CompilerServices;
using Insights.Sentiment.Text;

/// <summary>
/// The hashed word n-grams, word prefixes and character n-grams of a text, for any language, in one pass: escapes
/// decoded, lower-cased, runs of one character cut to two ("soooo" and "sooo" read alike), <c>@handles</c> read as
/// <c>@</c> and links as <c>http</c> (the training sets anonymise them differently, and so do comments). Words are
/// runs of letters, digits, marks (scripts such as Devanagari carry vowels as marks) and inner apostrophes; every
/// other character, or an emoji's surrogate pair, is a token of its own. Character n-grams, when asked for, run over
/// the normalised text with a space at each end, across word boundaries. Allocates nothing for texts up to
/// <see cref="StackLimit"/> characters.
/// </summary>
public static class NgramFeatures
{
    private const int StackLimit = 512;
    private const uint FnvOffset = 2166136261;
    private const uint FnvPrime = 16777619;

    /// <summary>Character n-grams start from another hash state, so "ok" the word and "ok" the bigram differ.</summary>
    private const uint CharSeed = FnvOffset ^ 0x9E3779B9;

    /// <summary>Word prefixes start from their own hash state, so the prefix "amazi" is not the word "amazi".</summary>
    private const uint PrefixSeed = FnvOffset ^ 0x7F4A7C15;

    /// <summary>Calls the sink for every word n-gram and prefix, then every character n-gram, of <paramref name="text"/>.</summary>
    [SkipLocalsInit]
    public static void Extract<TSink>(ReadOnlySpan<char> text, FeatureOptions options, ref TSink sink)
        where TSink : struct, IFeatureSink, allows ref struct
    {
        ArgumentNullException.ThrowIfNull(options);
        char[]? rentedDecoded = null;
        char[]? rentedNormalized = null;
        try
        {
            if (TextDecoder.NeedsDecoding(text))
            {
                rentedDecoded = ArrayPool<char>.Shared.Rent(text.Length);
                text = rentedDecoded.AsSpan(0, TextDecoder.Decode(text, rentedDecoded));
            }

            var chars = options.CharMax > 0;
            var normalized = !chars ? [] : text.Length + 2 <= StackLimit
                ? stackalloc char[StackLimit]
                : (rentedNormalized = ArrayPool<char>.Shared.Rent(text.Length + 2));
            var words = new WordHasher(options);
            var length = Normalize(text, normalized, ref words, ref sink);
            if (chars)
            {
                Chars(normalized[..length], words.Shift, options.CharMin, options.CharMax, ref sink);
            }
        }
        finally
        {
            if (rentedDecoded is not null)
            {
                ArrayPool<char>.Shared.Return(rentedDecoded);
            }

            if (rentedNormalized is not null)
            {
                ArrayPool<char>.Shared.Return(rentedNormalized);
            }
        }
    }

    /// <summary>The normalised text (for tests): what character n-grams read.</summary>
    internal static string Normalize(string text)
    {
        var buffer = new char[text.Length + 2];
        var words = new WordHasher(FeatureOptions.Default);
        var sink = default(NoSink);
        return new string(buffer, 0, Normalize(text, buffer, ref words, ref sink));
    }

    /// <summary>
    /// Reads the text once, feeding every normalised character to the word hasher and, when
    /// <paramref name="destination"/> is not empty (at least the text's length plus 2), writing it there; returns the
    /// normalised length.
    /// </summary>
    private static int Normalize<TSink>(scoped ReadOnlySpan<char> text, scoped Span<char> destination, ref WordHasher words, ref TSink sink)
        where TSink : struct, IFeatureSink, allows ref struct
    {
        var write = !destination.IsEmpty;
        var n = 0;
        char last = ' ', beforeLast = '\0';
        if (write)
        {
            destination[n++] = ' ';
        }

        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c <= ' ' || (c >= 128 && char.IsWhiteSpace(c)))
            {
                c = ' ';
                i++;
            }
            else if (c == '@' && i + 1 < text.Length && IsHandleChar(text[i + 1]))
            {
                for (i++; i < text.Length && IsHandleChar(text[i]); i++)
                {
                }
            }
            else if ((c | 0x20) is 'h' or 'w' && IsLinkStart(text[i..]))
            {
                // A link becomes "http" (4 characters; a link is never shorter), as some training sets write it.
                for (; i < text.Length && !char.IsWhiteSpace(text[i]); i++)
                {
                }

                foreach (var l in "http")
                {
                    Put(l, ref last, ref beforeLast, destination, write, ref n, ref words, ref sink);
                }

                continue;
            }
            else
            {
                c = c < 128 ? (char.IsAsciiLetterUpper(c) ? (char)(c | 0x20) : c) : char.ToLowerInvariant(c);
                i++;
            }

            Put(c, ref last, ref beforeLast, destination, write, ref n, ref words, ref sink);
        }

        words.End(ref sink);
        if (write && destination[n - 1] != ' ')
        {
            destination[n++] = ' ';
        }

        return n;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Put<TSink>(char c, ref char last, ref char beforeLast, scoped Span<char> destination, bool write, ref int n, ref WordHasher words, ref TSink sink)
        where TSink : struct, IFeatureSink, allows ref struct
    {
        // Whitespace runs become one space; any other run of one character is cut to two.
        if (c == last && (c == ' ' || c == beforeLast))
        {
            return;
        }

        beforeLast = last;
        last = c;
        if (write)
        {
            destination[n++] = c;
        }

        words.Feed(c, ref sink);
    }

    private static void Chars<TSink>(scoped ReadOnlySpan<char> text, int shift, int min, int max, ref TSink sink)
        where TSink : struct, IFeatureSink, allows ref struct
    {
        for (var i = 0; i + min <= text.Length; i++)
        {
            var hash = CharSeed;
            var longest = Math.Min(max, text.Length - i);
            for (var k = 0; k < longest; k++)
            {
                hash = (hash ^ text[i + k]) * FnvPrime;
                if (k + 1 >= min)
                {
                    sink.Char(Bucket(hash, shift));
                }
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Bucket(uint hash, int shift) => (int)((hash * 0x9E3779B1u) >> shift);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint Step(uint hash, char c) => (hash ^ c) * FnvPrime;

    private static bool IsApostrophe(char c) => c is '\'' or '\u2019';

    private static bool IsWordChar(char c)
    {
        if (c < 128)
        {
            return char.IsAsciiLetterOrDigit(c) || c is '\'' or '_' or '@';
        }

        if (c == '\u2019' || char.IsLetterOrDigit(c))
        {
            return true;
        }

        var category = char.GetUnicodeCategory(c);
        return category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;
    }

    private static bool IsHandleChar(char c) => char.IsAsciiLetterOrDigit(c) || c == '_';

    /// <summary>
    /// "http" (any case) not followed by a letter other than s, or "www.". Compared character by character (ordinal
    /// ignore-case matches these ASCII letters only with their two ASCII cases, which is what <c>| 0x20</c> tests):
    /// it runs at every h and w of a text.
    /// </summary>
    private static bool IsLinkStart(ReadOnlySpan<char> text)
    {
        if (text.Length < 4)
        {
            return false;
        }

        return (text[0] | 0x20) == 'h'
            ? (text[1] | 0x20) == 't' && (text[2] | 0x20) == 't' && (text[3] | 0x20) == 'p'
                && (text.Length == 4 || !char.IsAsciiLetter(text[4]) || text[4] is 's' or 'S')
            : (text[0] | 0x20) == 'w' && (text[1] | 0x20) == 'w' && (text[2] | 0x20) == 'w' && text[3] == '.';
    }

    /// <summary>
    /// Hashes words as their normalised characters arrive: a word's hash and its prefix's, apostrophes at either end
    /// left out; then the word, its pair with the token before, and its prefix go to the sink when the word ends.
    /// </summary>
    private struct WordHasher(FeatureOptions options)
    {
        public readonly int Shift = 32 - options.HashBits;
        private readonly bool _pairs = options.WordNgrams == 2;
        private readonly int _prefixLength = options.PrefixLength;
        private uint _hash = FnvOffset;
        private uint _hashAtEnd;
        private uint _prefix = PrefixSeed;
        private int _length;
        private int _lengthAtEnd;
        private uint _previous;
        private bool _hasPrevious;
        private char _highSurrogate;

        public void Feed<TSink>(char c, ref TSink sink)
            where TSink : struct, IFeatureSink, allows ref struct
        {
            if (_highSurrogate != '\0')
            {
                var high = _highSurrogate;
                _highSurrogate = '\0';
                if (char.IsLowSurrogate(c))
                {
                    Token(Step(Step(FnvOffset, high), c), ref sink);
                    return;
                }

                Token(Step(FnvOffset, high), ref sink);
            }

            if (c != ' ' && IsWordChar(c))
            {
                if (_length == 0 && IsApostrophe(c))
                {
                    return;
                }

                _hash = Step(_hash, c);
                if (_length < _prefixLength)
                {
                    _prefix = Step(_prefix, c);
                }

                _length++;
                if (!IsApostrophe(c))
                {
                    _hashAtEnd = _hash;
                    _lengthAtEnd = _length;
                }

                return;
            }

            EndWord(ref sink);
            if (c == ' ')
            {
                return;
            }

            if (char.IsHighSurrogate(c))
            {
                _highSurrogate = c;
                return;
            }

            Token(Step(FnvOffset, c), ref sink);
        }

        /// <summary>The text has ended: the last word or pending character is a token too.</summary>
        public void End<TSink>(ref TSink sink)
            where TSink : struct, IFeatureSink, allows ref struct
        {
            if (_highSurrogate != '\0')
            {
                Token(Step(FnvOffset, _highSurrogate), ref sink);
                _highSurrogate = '\0';
            }

            EndWord(ref sink);
        }

        private void EndWord<TSink>(ref TSink sink)
            where TSink : struct, IFeatureSink, allows ref struct
        {
            if (_length == 0)
            {
                return;
            }

            if (_lengthAtEnd > 0)
            {
                Token(_hashAtEnd, ref sink);
                if (_prefixLength > 0 && _lengthAtEnd > _prefixLength)
                {
                    sink.Word(Bucket(_prefix, Shift));
                }
            }

            _hash = FnvOffset;
            _prefix = PrefixSeed;
            _length = 0;
            _lengthAtEnd = 0;
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private void Token<TSink>(uint hash, ref TSink sink)
            where TSink : struct, IFeatureSink, allows ref struct
        {
            sink.Word(Bucket(hash, Shift));
            if (_pairs && _hasPrevious)
            {
                sink.Word(Bucket((_previous * 0x2C1B3C6D) ^ hash ^ 0x5BD1E995, Shift));
            }

            _previous = hash;
            _hasPrevious = true;
        }
    }

    private struct NoSink : IFeatureSink
    {
        public readonly void Word(int bucket)
        {
        }

        public readonly void Char(int bucket)
        {
        }
    }
}
