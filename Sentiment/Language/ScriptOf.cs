namespace Insights.Sentiment.Language;

using System.Globalization;
using System.Runtime.CompilerServices;

/// <summary>The <see cref="Script"/> of a character by its Unicode block; <see cref="Script.None"/> for anything but letters and marks.</summary>
public static class ScriptOf
{
    /// <summary>Arabic-script letters that Persian and Urdu use and Arabic does not (پ چ ژ گ ک ی ٹ ڈ ڑ ں ے ہ ھ).</summary>
    public static bool IsPersianOrUrduLetter(char c) => c is '\u067E' or '\u0686' or '\u0698' or '\u06AF' or '\u06A9'
        or '\u06CC' or '\u0679' or '\u0688' or '\u0691' or '\u06BA' or '\u06D2' or '\u06C1' or '\u06BE';

    /// <summary>
    /// Latin letters of languages the model does not know and none of its Latin-script languages writes (Turkish ı ş ğ,
    /// Polish ł ą ę ś ź ż ć ń, Czech and Slovak ř ě ů ň ť ď ľ, Hungarian ő ű, Romanian ș ț ă, Nordic å ø æ ð þ,
    /// Baltic and others ė ų ā ē ī ū ģ ķ ļ ņ, Vietnamese ơ ư đ).
    /// </summary>
    public static bool IsForeignLatinLetter(char c) => c switch
    {
        '\u0131' or '\u015F' or '\u011F' => true,
        '\u0142' or '\u0105' or '\u0119' or '\u015B' or '\u017A' or '\u017C' or '\u0107' or '\u0144' => true,
        '\u0159' or '\u011B' or '\u016F' or '\u0148' or '\u0165' or '\u010F' or '\u013E' => true,
        '\u0151' or '\u0171' => true,
        '\u0219' or '\u021B' or '\u0103' or '\u0163' => true,
        '\u00E5' or '\u00F8' or '\u00E6' or '\u00F0' or '\u00FE' => true,
        '\u0117' or '\u0173' or '\u0101' or '\u0113' or '\u012B' or '\u016B' or '\u0123' or '\u0137' or '\u013C' or '\u0146' => true,
        '\u01A1' or '\u01B0' or '\u0111' => true,
        _ => false,
    };

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Script Of(char c)
    {
        if (c < 0x80)
        {
            return (uint)((c | 0x20) - 'a') <= 'z' - 'a' ? Script.Latin : Script.None;
        }

        return OfNonAscii(c);
    }

    private static Script OfNonAscii(char c)
    {
        var category = CharUnicodeInfo.GetUnicodeCategory(c);
        var letter = category is UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
            or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter or UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;
        if (!letter)
        {
            return Script.None;
        }

        return c switch
        {
            <= '\u024F' => Script.Latin,
            >= '\u1E00' and <= '\u1EFF' => Script.Latin,
            >= '\u0370' and <= '\u03FF' => Script.Greek,
            >= '\u1F00' and <= '\u1FFF' => Script.Greek,
            >= '\u0400' and <= '\u052F' => Script.Cyrillic,
            >= '\u0590' and <= '\u05FF' => Script.Hebrew,
            >= '\u0600' and <= '\u06FF' => Script.Arabic,
            >= '\u0750' and <= '\u077F' => Script.Arabic,
            >= '\u08A0' and <= '\u08FF' => Script.Arabic,
            >= '\uFB50' and <= '\uFDFF' => Script.Arabic,
            >= '\uFE70' and <= '\uFEFF' => Script.Arabic,
            >= '\u0900' and <= '\u097F' => Script.Devanagari,
            >= '\u0E00' and <= '\u0E7F' => Script.Thai,
            >= '\u1100' and <= '\u11FF' => Script.Hangul,
            >= '\u3130' and <= '\u318F' => Script.Hangul,
            >= '\uAC00' and <= '\uD7AF' => Script.Hangul,
            >= '\u3040' and <= '\u30FF' => Script.Kana,
            >= '\u31F0' and <= '\u31FF' => Script.Kana,
            >= '\uFF66' and <= '\uFF9F' => Script.Kana,
            >= '\u3400' and <= '\u4DBF' => Script.Han,
            >= '\u4E00' and <= '\u9FFF' => Script.Han,
            >= '\uF900' and <= '\uFAFF' => Script.Han,
            _ => Script.OtherLetters,
        };
    }
}
