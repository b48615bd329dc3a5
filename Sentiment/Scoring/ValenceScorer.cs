namespace Insights.Sentiment.Scoring;

using Insights.Sentiment.Lexicon;
using Insights.Sentiment.Text;

/// <summary>
/// Reads the tokens of one text left to right, matches phrases, resolves context-dependent words, applies
/// the rules through a <see cref="SentenceAccumulator"/>, and returns the raw valence sum (unbounded).
/// </summary>
internal static class ValenceScorer
{
    private const int MaxPhraseWordsSupported = 8;

    public static double Score(ReadOnlySpan<Token> tokens, ReadOnlySpan<char> normalized, SentimentLexicon lexicon, in TextProfile profile)
    {
        // Capitals stress a word only where the writer also uses small letters, and mark names only where
        // not every other word is capitalised (Title Case Writing).
        var capitalsAreEmphasis = profile.LowerCaseLetters > 0;
        var capitalsMarkNames = profile.TitledWords * 2 <= profile.Words;
        var state = new SentenceAccumulator();
        var previousSentimentWord = -1;
        Span<char> phraseKey = stackalloc char[lexicon.MaxPhraseLength];
        for (var i = 0; i < tokens.Length; i++)
        {
            ref readonly var token = ref tokens[i];
            switch (token.Kind)
            {
                case TokenKind.Terminator:
                    state.EndSentence(token.Exclamations, token.Questions);
                    break;
                case TokenKind.ClauseBreak:
                    state.BreakClause();
                    break;
                case TokenKind.Symbol:
                    ScoreSymbol(ref state, tokens, i);
                    break;
                default:
                    i = ScoreWord(ref state, tokens, i, normalized, lexicon, phraseKey, capitalsAreEmphasis, capitalsMarkNames, ref previousSentimentWord);
                    break;
            }
        }

        return state.Finish();
    }

    private static void ScoreSymbol(ref SentenceAccumulator state, ReadOnlySpan<Token> tokens, int i)
    {
        var entry = tokens[i].Entry;
        if (entry.Has(WordRoles.Emphasis))
        {
            state.Emphasize(entry.Factor);
        }

        if (entry.Valence == 0f)
        {
            return;
        }

        double valence = entry.Valence;
        if (i > 0 && tokens[i].Start != 0 && tokens[i - 1].Kind == TokenKind.Symbol && tokens[i - 1].Start == tokens[i].Start)
        {
            valence *= ScoringRules.Repetition;
        }

        state.AddUnmodified(valence, i);
    }

    /// <summary>Scores the word (or the phrase starting) at <paramref name="i"/>; returns the index of its last token.</summary>
    private static int ScoreWord(
        ref SentenceAccumulator state,
        ReadOnlySpan<Token> tokens,
        int i,
        ReadOnlySpan<char> normalized,
        SentimentLexicon lexicon,
        Span<char> phraseKey,
        bool capitalsAreEmphasis,
        bool capitalsMarkNames,
        ref int previousSentimentWord)
    {
        var entry = tokens[i].Entry;
        var allCaps = tokens[i].Has(TokenFlags.AllCaps);
        var elongated = tokens[i].Has(TokenFlags.Elongated);
        var last = i;
        if (entry.Has(WordRoles.PhraseStart) && TryMatchPhrase(tokens, i, normalized, lexicon, phraseKey, out var phrase, out var phraseLast))
        {
            entry = phrase;
            last = phraseLast;
            for (var k = i + 1; k <= last; k++)
            {
                allCaps &= tokens[k].Has(TokenFlags.AllCaps);
                elongated |= tokens[k].Has(TokenFlags.Elongated);
            }
        }

        double valence = entry.Valence;
        if (entry.Rule != ContextRule.None)
        {
            valence = ContextualWords.Resolve(entry, tokens, i, normalized, out var asBooster);
            if (asBooster)
            {
                state.Boost(entry.Factor);
                return last;
            }
        }

        if (entry.Has(WordRoles.Negator))
        {
            if (IsExclaimedRefusal(tokens, last, allCaps, elongated))
            {
                state.AddUnmodified(ScoringRules.ExclaimedRefusal, last);
            }

            state.Negate();
        }
        else if (entry.Has(WordRoles.Contrast))
        {
            state.Contrast();
        }
        else if (entry.Has(WordRoles.Conditional))
        {
            state.Suppose();
        }
        else if (entry.Has(WordRoles.Concession))
        {
            state.Concede(endsClause: last + 1 >= tokens.Length || tokens[last + 1].Kind != TokenKind.Word);
        }
        else if (entry.Has(WordRoles.Booster))
        {
            state.Boost(entry.Factor);
        }
        else if (entry.Has(WordRoles.PostBooster))
        {
            state.PostBoost(entry.Factor, i);
        }
        else if (entry.Has(WordRoles.Emphasis))
        {
            state.Emphasize(entry.Factor);
        }
        else if (valence == 0)
        {
            state.PlainWord();
        }
        else
        {
            if (allCaps && capitalsAreEmphasis)
            {
                valence *= ScoringRules.CapsEmphasis;
            }

            if (elongated)
            {
                valence *= ScoringRules.ElongationEmphasis;
            }

            if (capitalsMarkNames && IsInName(tokens, i, last))
            {
                valence *= ScoringRules.InName;
            }

            // "fun, fun, fun", "love love love": each repetition adds less.
            if (previousSentimentWord >= 0 && last == i
                && normalized.Slice(tokens[i].Start, tokens[i].Length).SequenceEqual(normalized.Slice(tokens[previousSentimentWord].Start, tokens[previousSentimentWord].Length)))
            {
                valence *= ScoringRules.Repetition;
            }

            previousSentimentWord = last == i ? i : -1;

            if (entry.Has(WordRoles.Laughter))
            {
                state.AddUnmodified(valence, last);
            }
            else
            {
                state.AddWord(valence, last);
            }
        }

        return last;
    }

    /// <summary>A capitalised word inside a sentence next to another capitalised word: "Star Wars", "Hero Dog Awards".</summary>
    private static bool IsInName(ReadOnlySpan<Token> tokens, int first, int last)
    {
        if (!tokens[first].Has(TokenFlags.Titled) || first == 0 || tokens[first - 1].Kind != TokenKind.Word)
        {
            return false;
        }

        return tokens[first - 1].Has(TokenFlags.Titled) || (last + 1 < tokens.Length && tokens[last + 1].Has(TokenFlags.Titled));
    }

    /// <summary>"NOOOO", "no!", "never!": a negator that negates nothing but is shouted is a refusal.</summary>
    private static bool IsExclaimedRefusal(ReadOnlySpan<Token> tokens, int last, bool allCaps, bool elongated)
    {
        var next = last + 1;
        if (next < tokens.Length && tokens[next].Kind is TokenKind.Word or TokenKind.Symbol)
        {
            return false;
        }

        return allCaps || elongated || (next < tokens.Length && tokens[next].Exclamations > 0);
    }

    /// <summary>The longest phrase of the lexicon that starts at <paramref name="i"/> and runs over consecutive words.</summary>
    private static bool TryMatchPhrase(
        ReadOnlySpan<Token> tokens,
        int i,
        ReadOnlySpan<char> normalized,
        SentimentLexicon lexicon,
        Span<char> key,
        out LexiconEntry entry,
        out int last)
    {
        Span<int> ends = stackalloc int[MaxPhraseWordsSupported];
        var maxWords = Math.Min(lexicon.MaxPhraseWords, MaxPhraseWordsSupported);
        int words = 0, length = 0;
        for (var k = i; k < tokens.Length && words < maxWords && tokens[k].Kind == TokenKind.Word; k++)
        {
            var word = normalized.Slice(tokens[k].Start, tokens[k].Length);
            var separator = words > 0 ? 1 : 0;
            if (length + separator + word.Length > key.Length)
            {
                break;
            }

            var end = length + separator + word.Length;
            if (separator == 1)
            {
                key[length] = ' ';
            }

            word.CopyTo(key[(length + separator)..]);

            // No phrase goes on like this: neither these words nor any longer run can match.
            if (!lexicon.IsPhrasePrefix(key[..end]))
            {
                break;
            }

            length = end;
            ends[words++] = length;
        }

        for (var n = words; n >= 2; n--)
        {
            if (lexicon.TryGetPhrase(key[..ends[n - 1]], out entry))
            {
                last = i + n - 1;
                return true;
            }
        }

        entry = default;
        last = i;
        return false;
    }
}
