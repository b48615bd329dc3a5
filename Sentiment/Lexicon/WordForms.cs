namespace Insights.Sentiment.Lexicon;

using System.Runtime.CompilerServices;

/// <summary>
/// Finds a word in the lexicon as written, then through the regular English inflections (hates → hate,
/// ruined → ruin, loving → love, happily → happy, saddest → sad, lovin → loving) and a doubled last letter
/// ("lovee", "yess"). Only the valence of an inflected match is kept: an inflection of a function word or a
/// modifier is not that modifier. Words ending in n't are negators.
/// </summary>
internal static class WordForms
{
    private const int MaxStemmedLength = 32;

    /// <summary>The entry given to laughter the lexicon does not list (hahahah, lololol).</summary>
    public static readonly LexiconEntry SpelledLaughter = new(2.0f, 1f, WordRoles.Laughter, ContextRule.None);

    private static readonly LexiconEntry ImpliedNegator = new(0f, 1f, WordRoles.Negator, ContextRule.None);

    public static bool TryFind(SentimentLexicon lexicon, ReadOnlySpan<char> word, out LexiconEntry entry)
    {
        if (lexicon.TryGetWord(word, out entry))
        {
            return true;
        }

        if (word.EndsWith("n't") && word.Length > 3)
        {
            entry = ImpliedNegator;
            return true;
        }

        if (Text.Laughter.IsLaughter(word))
        {
            entry = SpelledLaughter;
            return true;
        }

        return word.Length is >= 4 and <= MaxStemmedLength && TryInflections(lexicon, word, out entry, allowDroppedG: true);
    }

    /// <remarks>
    /// Runs for every word the lexicon does not list (half the words of comments), so only the rules whose ending the
    /// word has are tried, in their order; a rule for another ending could not match anyway.
    /// </remarks>
    [SkipLocalsInit]
    private static bool TryInflections(SentimentLexicon lexicon, ReadOnlySpan<char> word, out LexiconEntry entry, bool allowDroppedG)
    {
        Span<char> buffer = stackalloc char[MaxStemmedLength + 2];
        var n = word.Length;
        var matched = word[n - 1] switch
        {
            's' => TryEndingInS(lexicon, word, buffer, out entry),
            'n' => TryDroppedG(lexicon, word, allowDroppedG, out entry),
            't' => TrySuffix(lexicon, word, "iest", "y", buffer, out entry) || TryRegularSuffix(lexicon, word, "est", buffer, out entry),
            'r' => TrySuffix(lexicon, word, "ier", "y", buffer, out entry) || TryRegularSuffix(lexicon, word, "er", buffer, out entry),
            'y' => TrySuffix(lexicon, word, "ily", "y", buffer, out entry)
                || TrySuffix(lexicon, word, "ally", string.Empty, buffer, out entry)
                || TrySuffix(lexicon, word, "bly", "ble", buffer, out entry)
                || TrySuffix(lexicon, word, "ly", string.Empty, buffer, out entry),
            'd' => TrySuffix(lexicon, word, "ied", "y", buffer, out entry) || TryRegularSuffix(lexicon, word, "ed", buffer, out entry),
            'g' => TryRegularSuffix(lexicon, word, "ing", buffer, out entry),
            _ => NoMatch(out entry),
        };
        if (matched)
        {
            return true;
        }

        // lovee, cutee, yess
        entry = default;
        return word[n - 1] == word[n - 2] && TrySentiment(lexicon, word[..^1], out entry);
    }

    /// <summary>The rules for words ending in s, in their order.</summary>
    private static bool TryEndingInS(SentimentLexicon lexicon, ReadOnlySpan<char> word, Span<char> buffer, out LexiconEntry entry) =>
        (word.EndsWith("'s") && TrySentiment(lexicon, word[..^2], out entry))
        || TrySuffix(lexicon, word, "iness", "y", buffer, out entry)
        || TrySuffix(lexicon, word, "ness", string.Empty, buffer, out entry)
        || TrySuffix(lexicon, word, "ies", "y", buffer, out entry)
        || TrySuffix(lexicon, word, "es", string.Empty, buffer, out entry)
        || (!word.EndsWith("ss") && TrySuffix(lexicon, word, "s", string.Empty, buffer, out entry));

    /// <summary>lovin, killin, vibin: the dropped g of -ing.</summary>
    private static bool TryDroppedG(SentimentLexicon lexicon, ReadOnlySpan<char> word, bool allowDroppedG, out LexiconEntry entry)
    {
        var n = word.Length;
        if (allowDroppedG && n >= 5 && word.EndsWith("in") && !word.EndsWith("ain") && !word.EndsWith("ein"))
        {
            Span<char> withG = stackalloc char[n + 1];
            word.CopyTo(withG);
            withG[n] = 'g';
            if (TrySentiment(lexicon, withG, out entry) || TryInflections(lexicon, withG, out entry, allowDroppedG: false))
            {
                return true;
            }
        }

        entry = default;
        return false;
    }

    private static bool NoMatch(out LexiconEntry entry)
    {
        entry = default;
        return false;
    }

    /// <summary>stem + ending → stem, stem + e (lov-ing → love), or the stem with its doubled consonant undone (winn-ing → win).</summary>
    private static bool TryRegularSuffix(SentimentLexicon lexicon, ReadOnlySpan<char> word, string suffix, Span<char> buffer, out LexiconEntry entry)
    {
        entry = default;
        if (!word.EndsWith(suffix) || word.Length - suffix.Length < 2)
        {
            return false;
        }

        var stem = word[..^suffix.Length];
        if (TrySentiment(lexicon, stem, out entry) || TrySuffix(lexicon, word, suffix, "e", buffer, out entry))
        {
            return true;
        }

        return stem.Length >= 3 && stem[^1] == stem[^2] && TrySentiment(lexicon, stem[..^1], out entry);
    }

    private static bool TrySuffix(SentimentLexicon lexicon, ReadOnlySpan<char> word, string suffix, string replacement, Span<char> buffer, out LexiconEntry entry)
    {
        entry = default;
        if (!word.EndsWith(suffix) || word.Length - suffix.Length < 2)
        {
            return false;
        }

        var stem = word[..^suffix.Length];
        stem.CopyTo(buffer);
        replacement.CopyTo(buffer[stem.Length..]);
        return TrySentiment(lexicon, buffer[..(stem.Length + replacement.Length)], out entry);
    }

    private static bool TrySentiment(SentimentLexicon lexicon, ReadOnlySpan<char> candidate, out LexiconEntry entry)
    {
        if (lexicon.TryGetWord(candidate, out var found) && found.Valence != 0f && found.Rule == ContextRule.None
            && !found.Has(WordRoles.Laughter))
        {
            entry = new LexiconEntry(found.Valence, 1f, WordRoles.None, ContextRule.None);
            return true;
        }

        entry = default;
        return false;
    }
}
