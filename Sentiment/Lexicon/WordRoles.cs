namespace Insights.Sentiment.Lexicon;

/// <summary>What a lexicon entry does besides (or instead of) carrying a valence. Several roles can combine.</summary>
[Flags]
internal enum WordRoles : ushort
{
    None = 0,

    /// <summary>not, never, n't, dont: flips and dampens the next sentiment word within the negation window.</summary>
    Negator = 1 << 0,

    /// <summary>very, so, kinda, barely: scales the next sentiment word by <see cref="LexiconEntry.Factor"/>.</summary>
    Booster = 1 << 1,

    /// <summary>af, asf: scales the sentiment word just before it by <see cref="LexiconEntry.Factor"/>.</summary>
    PostBooster = 1 << 2,

    /// <summary>but, however: what came before counts less, what follows counts more.</summary>
    Contrast = 1 << 3,

    /// <summary>though, although: the conceded clause counts less.</summary>
    Concession = 1 << 4,

    /// <summary>if, unless: what the clause says is hypothetical and counts less.</summary>
    Conditional = 1 << 10,

    /// <summary>fr, no cap, periodt, 😭: scales the whole sentence by <see cref="LexiconEntry.Factor"/>.</summary>
    Emphasis = 1 << 5,

    /// <summary>lol, haha, 😂: the valence is never negated nor boosted.</summary>
    Laughter = 1 << 6,

    /// <summary>A common English function word (used by the language check).</summary>
    FunctionWord = 1 << 7,

    /// <summary>A common function word of another Latin-script language (used by the language check).</summary>
    ForeignWord = 1 << 8,

    /// <summary>The first word of at least one entry of the phrase lexicon.</summary>
    PhraseStart = 1 << 9,
}
