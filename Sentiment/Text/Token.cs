namespace Insights.Sentiment.Text;

using Insights.Sentiment.Lexicon;

internal enum TokenKind : byte
{
    /// <summary>A word, number or hashtag; its lower-case, de-elongated text is in the normalized buffer.</summary>
    Word,

    /// <summary>An emoji, emoticon or rating ("10/10"): a valence that is neither negated nor boosted.</summary>
    Symbol,

    /// <summary>The end of a sentence: a run of . ! ? or a line break; counts its ! and ?.</summary>
    Terminator,

    /// <summary>A comma, semicolon, colon, dash or bracket: ends the scope of negators and boosters.</summary>
    ClauseBreak,
}

[Flags]
internal enum TokenFlags : byte
{
    None = 0,

    /// <summary>Two or more letters, all capitals ("LOVE").</summary>
    AllCaps = 1 << 0,

    /// <summary>Every letter is a capital, including single letters ("W", "L").</summary>
    Capital = 1 << 1,

    /// <summary>A letter was repeated three times or more and folded ("sooo").</summary>
    Elongated = 1 << 2,

    Hashtag = 1 << 3,

    /// <summary>Digits only.</summary>
    Numeric = 1 << 4,

    /// <summary>A capital then small letters ("Star", "Wars"): in a run of such words, a name or title.</summary>
    Titled = 1 << 6,

    /// <summary>A terminator made only of full stops (a possible abbreviation such as "W. Bush").</summary>
    FullStopOnly = 1 << 5,
}

/// <summary>One token; unmanaged so that a comment's tokens fit in a stack buffer.</summary>
internal struct Token
{
    public TokenKind Kind;
    public TokenFlags Flags;
    public byte Exclamations;
    public byte Questions;

    /// <summary>Words: offset in the normalized buffer. Emoji: the code point (to spot repeats). Otherwise 0.</summary>
    public int Start;

    /// <summary>Words: length in the normalized buffer.</summary>
    public int Length;

    public LexiconEntry Entry;

    public readonly bool Has(TokenFlags flag) => (Flags & flag) != 0;
}
