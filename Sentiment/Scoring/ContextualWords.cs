namespace Insights.Sentiment.Scoring;

using System.Collections.Frozen;
using Insights.Sentiment.Lexicon;
using Insights.Sentiment.Text;

/// <summary>
/// Decides whether a word with a <see cref="ContextRule"/> is meant in its sentiment sense, by looking at its
/// neighbours: "this is fire" but "fire alarm", "she ate" but "ate pizza", "im dead" but "he is dead".
/// </summary>
internal static class ContextualWords
{
    /// <summary>Words before a predicate adjective: "is fire", "so mid", "lowkey based".</summary>
    private static readonly Set PredicateCues = new(
        "is", "was", "are", "were", "be", "been", "being", "it's", "its", "that's", "thats", "this's", "so", "too",
        "very", "really", "straight", "pure", "lowkey", "highkey", "kinda", "sorta", "actually", "literally",
        "honestly", "hella", "mad", "super", "absolutely", "totally", "looks", "look", "looking", "sounds", "sound",
        "sounding", "still", "always", "fr", "pretty", "lit", "getting", "gets", "got", "stay", "stays", "ain't",
        "aint", "isnt", "isn't", "wasn't", "wasnt", "not");

    /// <summary>Words before a noun, which make the next word a noun too: "a fire", "the goat farm".</summary>
    private static readonly Set Determiners = new(
        "a", "an", "the", "my", "your", "his", "her", "our", "their", "no", "some", "any", "every", "each");

    private static readonly Set DeadCues = new(
        "im", "i'm", "i", "am", "literally", "actually", "so", "lowkey", "deadass", "dead", "lmao", "lol", "lmfao",
        "just", "officially", "ded", "omg", "bro", "bruh", "actual", "legit", "now");

    private static readonly Set AteFollowers = new(
        "that", "this", "fr", "frfr", "periodt", "and", "down", "tho", "though", "again", "no", "every", "per");

    private static readonly Set LikeSubjects = new(
        "i", "we", "you", "they", "u", "ya", "yall", "y'all", "he", "she");

    /// <summary>Words that may stand between a subject and "like" besides boosters and negators: "i really like", "i do like".
    /// Not modal verbs: "i would like" is a request.</summary>
    private static readonly Set LikeAdverbs = new(
        "do", "does", "did", "also", "still", "just", "actually", "genuinely", "kinda", "lowkey", "really", "totally",
        "def", "definitely", "always", "honestly", "truly", "sincerely");

    private static readonly Set CapitalLetterCues = new(
        "a", "big", "huge", "massive", "another", "the", "such", "total", "absolute", "major", "took", "take",
        "taking", "takes", "easy", "certified", "an", "biggest", "what", "giant", "ultimate", "mega", "clear");

    private static readonly Set CapitalLetterFollowers = new(
        "rizz", "take", "song", "video", "comment", "content", "energy", "behavior", "behaviour", "move", "streamer",
        "bro", "man", "girl", "king", "queen", "response", "reply", "fr", "for", "in", "chat");

    private static readonly Set GoatCues = new(
        "the", "absolute", "actual", "certified", "literal", "literally", "real", "true", "undisputed", "my", "ur",
        "your", "our", "a", "an", "biggest", "goat", "is", "ultimate", "da");

    private static readonly Set GoatFollowers = new(
        "fr", "frfr", "of", "ever", "tbh", "periodt", "for", "and", "no", "right", "tho", "at", "in", "is");

    private static readonly Set WellVerbs = new(
        "went", "go", "goes", "going", "gone", "did", "do", "does", "doing", "done", "played", "play", "plays",
        "slept", "sleep", "worked", "work", "works", "working", "turned", "ended", "ends", "aged", "paid", "written",
        "made", "treated", "spent", "performed", "sang", "sings", "sing", "handled", "organized", "fits", "fit",
        "executed", "held", "sold", "received", "behaved", "eat", "ate", "eating", "feel", "feeling", "felt", "get");

    private static readonly Set BasedStops = new(
        "on", "in", "off", "out", "upon", "at", "around", "near", "from", "of", "outside", "inside", "primarily",
        "mostly", "entirely", "solely", "largely", "partly", "loosely", "heavily", "partially", "here", "there");

    /// <summary>
    /// The valence to use for <paramref name="entry"/> at <paramref name="i"/> (0 when not meant as sentiment);
    /// <paramref name="asBooster"/> is set when a <see cref="ContextRule.BoosterOrWord"/> word modifies the next one.
    /// </summary>
    public static double Resolve(in LexiconEntry entry, ReadOnlySpan<Token> tokens, int i, ReadOnlySpan<char> normalized, out bool asBooster)
    {
        asBooster = false;
        var valence = (double)entry.Valence;
        switch (entry.Rule)
        {
            case ContextRule.Predicative:
                return IsPredicate(tokens, i, normalized) ? valence : 0;

            case ContextRule.Based:
                return !Is(BasedStops, tokens, i + 1, normalized) && IsPredicate(tokens, i, normalized) ? valence : 0;

            case ContextRule.Ate:
                return !IsText(tokens, i - 1, normalized, "i") && (EndsClause(tokens, i + 1) || Is(AteFollowers, tokens, i + 1, normalized))
                    ? valence
                    : 0;

            case ContextRule.Dead:
                return Is(DeadCues, tokens, i - 1, normalized) || IsLaughter(tokens, i + 1) || tokens[i].Has(TokenFlags.Elongated)
                    || (CountWords(tokens) <= 2 && EndsClause(tokens, i + 1))
                    ? ScoringRules.DeadAsLaughter
                    : valence;

            case ContextRule.Like:
                // "Liked it!" has an implied subject; a sentence-initial "Like," is a filler.
                return HasSubject(tokens, i, normalized) || (StartsSentence(tokens, i) && !IsText(tokens, i, normalized, "like"))
                    ? valence
                    : 0;

            case ContextRule.CapitalLetter:
                return tokens[i].Has(TokenFlags.Capital) && IsCapitalLetterSlang(tokens, i, normalized) ? valence : 0;

            case ContextRule.Goat:
                return (tokens[i].Has(TokenFlags.AllCaps) || Is(GoatCues, tokens, i - 1, normalized))
                    && (EndsClause(tokens, i + 1) || Is(GoatFollowers, tokens, i + 1, normalized))
                    ? valence
                    : 0;

            case ContextRule.Well:
                return IsWord(tokens, i - 1) && (tokens[i - 1].Entry.Has(WordRoles.Booster) || Is(WellVerbs, tokens, i - 1, normalized))
                    ? valence
                    : 0;

            case ContextRule.BoosterOrWord:
                if (IsWord(tokens, i + 1) && tokens[i + 1].Entry is var next
                    && (next.Valence != 0 || next.Has(WordRoles.Booster) || next.Rule != ContextRule.None))
                {
                    asBooster = true;
                    return 0;
                }

                return valence;

            default:
                return valence;
        }
    }

    private static bool IsPredicate(ReadOnlySpan<Token> tokens, int i, ReadOnlySpan<char> normalized)
    {
        if (Is(Determiners, tokens, i - 1, normalized))
        {
            return false;
        }

        return Is(PredicateCues, tokens, i - 1, normalized) || EndsClause(tokens, i + 1);
    }

    private static bool IsCapitalLetterSlang(ReadOnlySpan<Token> tokens, int i, ReadOnlySpan<char> normalized)
    {
        if (Is(CapitalLetterCues, tokens, i - 1, normalized))
        {
            return true;
        }

        if (IsWord(tokens, i - 1))
        {
            return false;
        }

        // Standing alone: "W", "L 😭", "W rizz" — but not an initial such as "George W. Bush".
        var next = i + 1;
        if (next < tokens.Length && tokens[next].Kind == TokenKind.Terminator && tokens[next].Has(TokenFlags.FullStopOnly))
        {
            return false;
        }

        return EndsClause(tokens, next) || Is(CapitalLetterFollowers, tokens, next, normalized);
    }

    private static bool HasSubject(ReadOnlySpan<Token> tokens, int i, ReadOnlySpan<char> normalized)
    {
        for (var k = i - 1; k >= 0 && k >= i - 4 && IsWord(tokens, k); k--)
        {
            if (Is(LikeSubjects, tokens, k, normalized))
            {
                return true;
            }

            if (!Is(LikeAdverbs, tokens, k, normalized) && !tokens[k].Entry.Has(WordRoles.Booster | WordRoles.Negator))
            {
                return false;
            }
        }

        return false;
    }

    /// <summary>Nothing follows in the clause: end of text, punctuation, an emoji, or a word that closes a clause (fr, af, lol, but).</summary>
    private static bool EndsClause(ReadOnlySpan<Token> tokens, int k)
    {
        if (k >= tokens.Length || tokens[k].Kind != TokenKind.Word)
        {
            return true;
        }

        return tokens[k].Entry.Has(WordRoles.Emphasis | WordRoles.PostBooster | WordRoles.Laughter | WordRoles.Contrast | WordRoles.Concession);
    }

    private static bool StartsSentence(ReadOnlySpan<Token> tokens, int k) =>
        k == 0 || tokens[k - 1].Kind is TokenKind.Terminator or TokenKind.ClauseBreak;

    private static bool IsLaughter(ReadOnlySpan<Token> tokens, int k) =>
        k < tokens.Length && tokens[k].Entry.Has(WordRoles.Laughter);

    private static bool IsWord(ReadOnlySpan<Token> tokens, int k) => (uint)k < (uint)tokens.Length && tokens[k].Kind == TokenKind.Word;

    private static bool Is(Set set, ReadOnlySpan<Token> tokens, int k, ReadOnlySpan<char> normalized) =>
        IsWord(tokens, k) && set.Contains(normalized.Slice(tokens[k].Start, tokens[k].Length));

    private static bool IsText(ReadOnlySpan<Token> tokens, int k, ReadOnlySpan<char> normalized, string word) =>
        IsWord(tokens, k) && normalized.Slice(tokens[k].Start, tokens[k].Length).SequenceEqual(word);

    private static int CountWords(ReadOnlySpan<Token> tokens)
    {
        var words = 0;
        foreach (ref readonly var token in tokens)
        {
            if (token.Kind == TokenKind.Word)
            {
                words++;
            }
        }

        return words;
    }

    /// <summary>A frozen set of words searched with spans.</summary>
    private sealed class Set(params string[] words)
    {
        private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> lookup =
            words.ToFrozenSet(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();

        public bool Contains(ReadOnlySpan<char> word) => lookup.Contains(word);
    }
}
