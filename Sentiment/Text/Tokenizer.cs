namespace Insights.Sentiment.Text;

using Insights.Sentiment.Lexicon;

/// <summary>
/// Splits a comment into tokens in one pass without allocating: words are lower-cased, folded from styled
/// letters, de-elongated and looked up as they are read; emoji, emoticons and "7/10" ratings become symbols;
/// mentions and links are dropped. Writes word text to <c>normalized</c> and tokens to <c>tokens</c>; both must
/// be at least as long as the text.
/// </summary>
internal static class Tokenizer
{
    /// <summary>Longer "words" are noise (keyboard mashing, base64); they are only checked for laughter.</summary>
    private const int MaxLookupLength = 48;

    /// <summary>"f***", "sh*t", "b*tch": a censored swear word.</summary>
    private static readonly LexiconEntry CensoredSwear = new(-2.0f, 1f, WordRoles.None, ContextRule.None);

    public static int Tokenize(ReadOnlySpan<char> text, SentimentLexicon lexicon, Span<char> normalized, Span<Token> tokens, out TextProfile profile)
    {
        profile = default;
        var count = 0;
        var written = 0;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c <= ' ' || char.IsWhiteSpace(c))
            {
                if (c is '\n' or '\r')
                {
                    AddTerminator(tokens, ref count, 0, 0, fullStopOnly: false);
                }

                i++;
                continue;
            }

            if (i + 1 < text.Length && lexicon.MayStartEmoticon(c, text[i + 1]) && TryReadEmoticon(text, i, lexicon, out var length, out var emoticon))
            {
                tokens[count++] = new Token { Kind = TokenKind.Symbol, Entry = emoticon };
                i += length;
                continue;
            }

            if (c == '@' && i + 1 < text.Length && IsHandleChar(text[i + 1]))
            {
                i++;
                while (i < text.Length && IsHandleChar(text[i]))
                {
                    i++;
                }

                continue;
            }

            // The second letter rules out most words (have, what, with) before the slower comparison.
            if (c is 'h' or 'H' or 'w' or 'W' && i + 1 < text.Length && (text[i + 1] | 0x20) is 't' or 'w' && IsUrlStart(text[i..]))
            {
                while (i < text.Length && !char.IsWhiteSpace(text[i]))
                {
                    i++;
                }

                continue;
            }

            var hashtag = c == '#' && i + 1 < text.Length && CharClass.ReadLetterOrDigit(text, i + 1, out _) > 0;
            if (hashtag || CharClass.ReadLetterOrDigit(text, i, out _) > 0)
            {
                i = ReadWord(text, hashtag ? i + 1 : i, hashtag, lexicon, normalized, ref written, tokens, ref count, ref profile);
                continue;
            }

            if (IsTerminator(c))
            {
                i = ReadTerminator(text, i, tokens, ref count);
                continue;
            }

            if (IsClauseBreak(text, i))
            {
                if (count > 0 && tokens[count - 1].Kind is not (TokenKind.ClauseBreak or TokenKind.Terminator))
                {
                    tokens[count++] = new Token { Kind = TokenKind.ClauseBreak };
                }

                i++;
                continue;
            }

            i += ReadEmoji(text, i, lexicon, tokens, ref count);
        }

        return count;
    }

    private static int ReadWord(
        ReadOnlySpan<char> text,
        int i,
        bool hashtag,
        SentimentLexicon lexicon,
        Span<char> normalized,
        ref int written,
        Span<Token> tokens,
        ref int count,
        ref TextProfile profile)
    {
        var start = written;
        var firstChar = i;
        int upper = 0, lower = 0, letters = 0, latin = 0, otherScript = 0;

        // Locals rather than the ref parameters in the loop: the JIT keeps them in registers.
        var w = written;
        while (i < text.Length)
        {
            var c = text[i];
            if (c < 128 && c is not ('\'' or '`'))
            {
                // ASCII, most of what is read: the classes of the general path below, without its calls.
                if (char.IsAsciiLetterLower(c))
                {
                    letters++;
                    latin++;
                    lower++;
                    normalized[w++] = c;
                }
                else if (char.IsAsciiLetterUpper(c))
                {
                    letters++;
                    latin++;
                    upper++;
                    normalized[w++] = (char)(c | 0x20);
                }
                else if (char.IsAsciiDigit(c))
                {
                    normalized[w++] = c;
                }
                else
                {
                    break;
                }

                i++;
                continue;
            }

            if (CharClass.IsApostrophe(c))
            {
                // Inside a word only: don't, it’s. Quotes around a word are not part of it.
                if (w > start && i + 1 < text.Length && CharClass.ReadLetterOrDigit(text, i + 1, out var next) > 0 && char.IsLetter(next))
                {
                    normalized[w++] = '\'';
                    i++;
                    continue;
                }

                break;
            }

            var width = CharClass.ReadLetterOrDigit(text, i, out var folded);
            if (width == 0)
            {
                if (CharClass.IsCombiningMark(c))
                {
                    i++;
                    continue;
                }

                break;
            }

            i += width;
            if (folded == '\0')
            {
                otherScript++;
                continue;
            }

            if (char.IsLetter(folded))
            {
                letters++;
                if (CharClass.IsLatin(folded))
                {
                    latin++;
                }
                else
                {
                    otherScript++;
                }

                if (CharClass.IsUpper(folded))
                {
                    upper++;
                }
                else if (CharClass.IsLower(folded))
                {
                    lower++;
                }
            }

            normalized[w++] = CharClass.ToLower(folded);
        }

        written = w;
        profile.LatinLetters += latin;
        profile.OtherScriptLetters += otherScript;
        profile.LowerCaseLetters += lower;
        var length = written - start;
        if (length == 0)
        {
            return i;
        }

        if (letters is >= 1 and <= 3 && letters == length && i < text.Length && text[i] == '*')
        {
            while (i < text.Length && (text[i] == '*' || char.IsAsciiLetter(text[i])))
            {
                i++;
            }

            tokens[count++] = new Token { Kind = TokenKind.Word, Start = start, Length = length, Entry = CensoredSwear };
            return i;
        }

        var afterRating = i; // not i itself: a variable passed by reference would live on the stack for the whole method
        if (letters == 0 && TryReadRating(text, ref afterRating, normalized.Slice(start, length), out var rating))
        {
            written = start;
            tokens[count++] = new Token { Kind = TokenKind.Symbol, Entry = rating };
            return afterRating;
        }

        var flags = TokenFlags.None;
        if (upper > 0 && lower == 0)
        {
            flags |= upper >= 2 ? TokenFlags.Capital | TokenFlags.AllCaps : TokenFlags.Capital;
        }
        else if (upper == 1 && lower > 0 && CharClass.IsUpper(text[firstChar]))
        {
            flags |= TokenFlags.Titled;
        }

        if (hashtag)
        {
            flags |= TokenFlags.Hashtag;
        }

        var entry = LexiconEntry.Unknown;
        if (letters == 0)
        {
            flags |= TokenFlags.Numeric;
        }
        else
        {
            var word = normalized.Slice(start, length);
            if (length > MaxLookupLength)
            {
                entry = Laughter.IsLaughter(word) ? WordForms.SpelledLaughter : LexiconEntry.Unknown;
            }
            else if (!WordForms.TryFind(lexicon, word, out entry))
            {
                entry = LexiconEntry.Unknown;
                if (Elongation.IsElongated(word))
                {
                    flags |= TokenFlags.Elongated;
                    length = LookUpElongated(lexicon, word, out entry);
                }
            }

            if (!hashtag)
            {
                profile.Words++;
                if ((flags & TokenFlags.Titled) != 0)
                {
                    profile.TitledWords++;
                }

                if (entry.Has(WordRoles.FunctionWord))
                {
                    profile.EnglishFunctionWords++;
                }
                else if (entry.Has(WordRoles.ForeignWord))
                {
                    profile.ForeignFunctionWords++;
                }
                else if (entry.Valence != 0f)
                {
                    profile.EnglishSentimentWords++;
                }
            }
        }

        written = start + length;
        tokens[count++] = new Token { Kind = TokenKind.Word, Flags = flags, Start = start, Length = length, Entry = entry };
        return i;
    }

    /// <summary>"goooood" → good (runs kept at two letters), else "sooo" → so (one letter). Rewrites the word in place.</summary>
    private static int LookUpElongated(SentimentLexicon lexicon, Span<char> word, out LexiconEntry entry)
    {
        Span<char> twoLetters = stackalloc char[word.Length];
        Span<char> oneLetter = stackalloc char[word.Length];
        var twoLength = Elongation.Collapse(word, twoLetters, 2);
        var oneLength = Elongation.Collapse(word, oneLetter, 1);
        if (WordForms.TryFind(lexicon, twoLetters[..twoLength], out entry))
        {
            twoLetters[..twoLength].CopyTo(word);
            return twoLength;
        }

        if (WordForms.TryFind(lexicon, oneLetter[..oneLength], out entry))
        {
            oneLetter[..oneLength].CopyTo(word);
            return oneLength;
        }

        entry = LexiconEntry.Unknown;
        oneLetter[..oneLength].CopyTo(word);
        return oneLength;
    }

    /// <summary>"8/10", "10/10": (n - 5) × 0.6 on the valence scale. Dates such as "10/10/2024" are not ratings.</summary>
    private static bool TryReadRating(ReadOnlySpan<char> text, ref int i, ReadOnlySpan<char> digits, out LexiconEntry entry)
    {
        entry = default;
        if (digits.Length > 2 || i + 2 >= text.Length || text[i] != '/' || text[i + 1] != '1' || text[i + 2] != '0'
            || (i + 3 < text.Length && (char.IsAsciiDigit(text[i + 3]) || text[i + 3] == '/')))
        {
            return false;
        }

        var score = digits.Length == 1 ? digits[0] - '0' : ((digits[0] - '0') * 10) + digits[1] - '0';
        if (score > 10)
        {
            return false;
        }

        i += 3;
        entry = new LexiconEntry((score - 5) * 0.6f, 1f, WordRoles.None, ContextRule.None);
        return true;
    }

    private static bool TryReadEmoticon(ReadOnlySpan<char> text, int i, SentimentLexicon lexicon, out int length, out LexiconEntry entry)
    {
        length = 0;
        entry = default;
        var first = text[i];
        if (i > 0)
        {
            // "10:30" is a time and "f(x)" a function; "thanks:)" is still a smile.
            var previous = text[i - 1];
            var boundary = first is ':' or ';' or '=' or '<' ? !char.IsAsciiDigit(previous) : !char.IsLetterOrDigit(previous);
            if (!boundary)
            {
                return false;
            }
        }

        for (var candidate = Math.Min(lexicon.MaxEmoticonLength, text.Length - i); candidate >= 2; candidate--)
        {
            if (!lexicon.TryGetEmoticon(text.Slice(i, candidate), out entry))
            {
                continue;
            }

            var end = i + candidate;
            var last = text[end - 1];
            while (end < text.Length && text[end] == last)
            {
                end++;
            }

            if (end < text.Length && char.IsLetterOrDigit(text[end]))
            {
                continue;
            }

            length = end - i;
            return true;
        }

        return false;
    }

    private static int ReadTerminator(ReadOnlySpan<char> text, int i, Span<Token> tokens, ref int count)
    {
        int exclamations = 0, questions = 0, start = i;
        for (; i < text.Length && IsTerminator(text[i]); i++)
        {
            switch (text[i])
            {
                case '!' or '！':
                    exclamations++;
                    break;
                case '‼':
                    exclamations += 2;
                    break;
                case '?' or '？':
                    questions++;
                    break;
                case '⁉':
                    exclamations++;
                    questions++;
                    break;
            }
        }

        var fullStopOnly = exclamations == 0 && questions == 0;
        if (fullStopOnly && i - start == 1 && i < text.Length && CharClass.ReadLetterOrDigit(text, i, out _) > 0)
        {
            return i; // U.S.A, 3.5, example.com: not the end of a sentence
        }

        AddTerminator(tokens, ref count, exclamations, questions, fullStopOnly);
        return i;
    }

    private static void AddTerminator(Span<Token> tokens, ref int count, int exclamations, int questions, bool fullStopOnly)
    {
        if (count > 0 && tokens[count - 1].Kind is TokenKind.Terminator or TokenKind.ClauseBreak)
        {
            ref var previous = ref tokens[count - 1];
            if (previous.Kind == TokenKind.Terminator)
            {
                exclamations += previous.Exclamations;
                questions += previous.Questions;
                fullStopOnly &= previous.Has(TokenFlags.FullStopOnly);
            }

            count--;
        }

        tokens[count++] = new Token
        {
            Kind = TokenKind.Terminator,
            Flags = fullStopOnly ? TokenFlags.FullStopOnly : TokenFlags.None,
            Exclamations = (byte)Math.Min(exclamations, byte.MaxValue),
            Questions = (byte)Math.Min(questions, byte.MaxValue),
        };
    }

    private static int ReadEmoji(ReadOnlySpan<char> text, int i, SentimentLexicon lexicon, Span<Token> tokens, ref int count)
    {
        var c = text[i];
        if (c < 0x2000)
        {
            return 1;
        }

        int codePoint = c, width = 1;
        if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
        {
            codePoint = char.ConvertToUtf32(c, text[i + 1]);
            width = 2;
        }

        if (EmojiText.IsModifier(codePoint))
        {
            return width;
        }

        if (!lexicon.TryGetEmoji(codePoint, out var entry))
        {
            if (!EmojiText.IsEmojiLike(codePoint))
            {
                return width;
            }

            entry = LexiconEntry.Unknown; // an emoji without valence still ends a word run ("goat 🐐")
        }

        tokens[count++] = new Token { Kind = TokenKind.Symbol, Start = codePoint, Entry = entry };
        return width;
    }

    private static bool IsTerminator(char c) => c is '.' or '!' or '?' or '…' or '‼' or '⁉' or '？' or '！' or '。';

    private static bool IsClauseBreak(ReadOnlySpan<char> text, int i) => text[i] switch
    {
        ',' or ';' or ':' or '(' or ')' or '[' or ']' or '—' or '–' or '，' => true,
        '-' => i > 0 && i + 1 < text.Length && char.IsWhiteSpace(text[i - 1]) && char.IsWhiteSpace(text[i + 1]),
        _ => false,
    };

    private static bool IsHandleChar(char c) => char.IsAsciiLetterOrDigit(c) || c == '_';

    private static bool IsUrlStart(ReadOnlySpan<char> text) =>
        text.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
        || text.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
        || text.StartsWith("www.", StringComparison.OrdinalIgnoreCase);
}
