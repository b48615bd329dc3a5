namespace Insights.Sentiment.Lexicon;

/// <summary>
/// Words whose sentiment depends on their neighbours. The valence of the entry is used only when the rule says
/// the word is meant in its sentiment sense; see <see cref="Scoring.ContextualWords"/>.
/// </summary>
internal enum ContextRule : byte
{
    None = 0,

    /// <summary>Slang adjectives (fire, mid, lit, cap): count as a predicate ("this is fire") or at the end of a clause, not before a noun ("fire alarm").</summary>
    Predicative,

    /// <summary>"based": like <see cref="Predicative"/>, but never in "based on/in/off".</summary>
    Based,

    /// <summary>"ate": praise when nothing is eaten ("she ate", "ate that"), nothing when followed by food.</summary>
    Ate,

    /// <summary>"dead": laughter after "im", "literally", or next to laughter; otherwise death.</summary>
    Dead,

    /// <summary>"like": a verb after a subject ("i really like"), otherwise a preposition or filler.</summary>
    Like,

    /// <summary>pretty, mad, damn: a booster right before a sentiment word, otherwise a word with its own valence.</summary>
    BoosterOrWord,

    /// <summary>W / L: only as a capital letter standing on its own ("huge W", "took the L").</summary>
    CapitalLetter,

    /// <summary>"well": praise after a verb or booster ("went well", "so well"), a filler otherwise ("well, ...", "as well").</summary>
    Well,

    /// <summary>"goat": praise as "GOAT" or "the goat", nothing before a noun ("goat cheese").</summary>
    Goat,
}
