namespace Insights.Sentiment.Lexicon;

/// <summary>Code-point classes of emoji text: what is an emoji and what only modifies the emoji before it.</summary>
internal static class EmojiText
{
    public const int ZeroWidthJoiner = 0x200D;

    /// <summary>Variation selectors (U+FE0E text, U+FE0F emoji style), skin tones (U+1F3FB..U+1F3FF), the joiner and the keycap.</summary>
    public static bool IsModifier(int codePoint) =>
        codePoint is 0xFE0E or 0xFE0F or ZeroWidthJoiner or 0x20E3 || (uint)(codePoint - 0x1F3FB) <= 0x1F3FF - 0x1F3FB;

    /// <summary>Pictographs, dingbats and symbols that are used as emoji.</summary>
    public static bool IsEmojiLike(int codePoint) =>
        (uint)(codePoint - 0x1F000) <= 0x1FAFF - 0x1F000
        || (uint)(codePoint - 0x2600) <= 0x27BF - 0x2600
        || (uint)(codePoint - 0x2300) <= 0x23FF - 0x2300
        || (uint)(codePoint - 0x2B00) <= 0x2BFF - 0x2B00
        || codePoint is 0x2190 or 0x2194 or 0x21A9 or 0x21AA or 0x203C or 0x2049 or 0x2122 or 0x2139 or 0x3030 or 0x303D or 0x3297 or 0x3299;
}
