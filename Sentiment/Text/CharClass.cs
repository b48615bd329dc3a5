namespace Insights.Sentiment.Text;

using System.Globalization;
using System.Text;

/// <summary>Character classes for tokenizing: letters (with styled letters folded to ASCII), script, case.</summary>
internal static class CharClass
{
    /// <summary>
    /// Reads the letter or digit at <paramref name="i"/>. Styled letters that people paste from "font
    /// generators" (𝐛𝐨𝐥𝐝, 𝓈𝒸𝓇𝒾𝓅𝓉, ｆｕｌｌｗｉｄｔｈ) come back as plain ASCII. Returns how many chars were read:
    /// 0 if this is no letter or digit; <paramref name="folded"/> is <c>'\0'</c> for a letter outside the Basic
    /// Multilingual Plane that has no ASCII form (it still counts as a letter of another script).
    /// </summary>
    public static int ReadLetterOrDigit(ReadOnlySpan<char> text, int i, out char folded)
    {
        var c = text[i];
        if (c < 128)
        {
            folded = c;
            return char.IsAsciiLetterOrDigit(c) ? 1 : 0;
        }

        if (!char.IsSurrogate(c))
        {
            folded = c is >= '\uFF10' and <= '\uFF5A' ? (char)(c - 0xFEE0) : c;
            return char.IsLetterOrDigit(folded) ? 1 : 0;
        }

        folded = '\0';
        if (!char.IsHighSurrogate(c) || i + 1 >= text.Length || !char.IsLowSurrogate(text[i + 1]))
        {
            return 0;
        }

        var codePoint = char.ConvertToUtf32(c, text[i + 1]);
        if (codePoint is >= 0x1D400 and <= 0x1D6A3)
        {
            // Mathematical alphanumerics: thirteen styled alphabets of 26 capitals then 26 small letters.
            var index = (codePoint - 0x1D400) % 52;
            folded = index < 26 ? (char)('A' + index) : (char)('a' + index - 26);
            return 2;
        }

        if (codePoint is >= 0x1D7CE and <= 0x1D7FF)
        {
            folded = (char)('0' + ((codePoint - 0x1D7CE) % 10));
            return 2;
        }

        return Rune.IsLetter(new Rune(codePoint)) ? 2 : 0;
    }

    /// <summary>Latin script: ASCII, Latin-1, Latin Extended A/B and Additional, IPA.</summary>
    public static bool IsLatin(char c) =>
        c < 0x2B0 || c is >= '\u1E00' and <= '\u1EFF' or >= '\u2C60' and <= '\u2C7F' or >= '\uA720' and <= '\uA7FF';

    public static bool IsUpper(char c) => c < 128 ? char.IsAsciiLetterUpper(c) : char.IsUpper(c);

    public static bool IsLower(char c) => c < 128 ? char.IsAsciiLetterLower(c) : char.IsLower(c);

    public static char ToLower(char c) => c < 128 ? (char.IsAsciiLetterUpper(c) ? (char)(c | 0x20) : c) : char.ToLowerInvariant(c);

    public static bool IsDigit(char c) => char.IsAsciiDigit(c);

    /// <summary>The apostrophes people type: ' ’ ʼ ‘ ` ´.</summary>
    public static bool IsApostrophe(char c) => c is '\'' or '\u2019' or '\u02BC' or '\u2018' or '`' or '\u00B4';

    /// <summary>Accents typed as separate combining marks stay inside the word (they are dropped from it).</summary>
    public static bool IsCombiningMark(char c) =>
        c >= 0x300 && CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;
}
