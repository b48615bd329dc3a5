namespace Insights.Sentiment.Text;

using System.Buffers;
using System.Globalization;

/// <summary>
/// Undoes the escaping that survives in scraped comments: HTML entities (<c>&amp;amp;</c>, <c>&amp;lt;3</c>,
/// <c>&amp;#39;</c>) and literal <c>\uXXXX</c> escapes (<c>won\u2019t</c>). Decoding never makes a text longer.
/// </summary>
internal static class TextDecoder
{
    private static readonly SearchValues<char> Markers = SearchValues.Create("&\\");

    public static bool NeedsDecoding(ReadOnlySpan<char> text) => text.ContainsAny(Markers);

    /// <summary>Writes the decoded text to <paramref name="destination"/> (at least as long as the text) and returns its length.</summary>
    public static int Decode(ReadOnlySpan<char> text, Span<char> destination)
    {
        var written = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '&' && TryDecodeEntity(text[i..], out var decoded, out var consumed))
            {
                destination[written++] = decoded;
                i += consumed - 1;
            }
            else if (c == '\\' && i + 5 < text.Length && text[i + 1] == 'u'
                && ushort.TryParse(text.Slice(i + 2, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code))
            {
                destination[written++] = (char)code;
                i += 5;
            }
            else
            {
                destination[written++] = c;
            }
        }

        return written;
    }

    private static bool TryDecodeEntity(ReadOnlySpan<char> text, out char decoded, out int consumed)
    {
        decoded = '\0';
        consumed = 0;
        var end = text[..Math.Min(text.Length, 10)].IndexOf(';');
        if (end < 2)
        {
            return false;
        }

        var name = text[1..end];
        decoded = name switch
        {
            "amp" => '&',
            "lt" => '<',
            "gt" => '>',
            "quot" => '"',
            "apos" => '\'',
            "nbsp" => ' ',
            _ => '\0',
        };

        if (decoded == '\0' && name[0] == '#')
        {
            var isHex = name.Length > 1 && (name[1] == 'x' || name[1] == 'X');
            var digits = isHex ? name[2..] : name[1..];
            if (ushort.TryParse(digits, isHex ? NumberStyles.AllowHexSpecifier : NumberStyles.None, CultureInfo.InvariantCulture, out var code)
                && code != 0)
            {
                decoded = (char)code;
            }
        }

        consumed = end + 1;
        return decoded != '\0';
    }
}
