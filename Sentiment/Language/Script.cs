namespace Insights.Sentiment.Language;

/// <summary>The writing system of a letter, as far as telling languages apart needs it.</summary>
public enum Script : byte
{
    None = 0,
    Latin = 1,
    Arabic = 2,
    Devanagari = 3,
    Cyrillic = 4,
    Greek = 5,
    Hebrew = 6,
    Han = 7,
    Kana = 8,
    Hangul = 9,
    Thai = 10,

    /// <summary>Letters of any other script (Bengali, Tamil, Georgian, Armenian, Ethiopic...).</summary>
    OtherLetters = 11,
}
