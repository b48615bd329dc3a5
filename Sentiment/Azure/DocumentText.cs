namespace Insights.Sentiment.Azure;

using System.Globalization;
using System.Text;

/// <summary>Prepares a comment as a document the service accepts.</summary>
internal static class DocumentText
{
    /// <summary>
    /// The text as sent: lone surrogates (which JSON cannot carry) replaced by U+FFFD, and a text longer than
    /// <paramref name="maxLength"/> UTF-16 characters truncated, not split, to its longest prefix of whole text
    /// elements (grapheme clusters: an emoji with its skin tone, a letter with its accents) that fits. The service
    /// counts text elements, never more than UTF-16 characters, so the prefix is always within its limit. A single
    /// text element longer than the limit (pathological stacks of combining marks) is cut at a code point boundary.
    /// </summary>
    public static string Prepare(string text, int maxLength, out bool truncated)
    {
        text = ReplaceLoneSurrogates(text);
        truncated = text.Length > maxLength;
        return truncated ? Truncate(text, maxLength) : text;
    }

    internal static string Truncate(string text, int maxLength)
    {
        if (text.Length <= maxLength)
        {
            return text;
        }

        var span = text.AsSpan();
        var end = 0;
        while (end < span.Length)
        {
            var next = StringInfo.GetNextTextElementLength(span[end..]);
            if (next == 0 || end + next > maxLength)
            {
                break;
            }

            end += next;
        }

        if (end == 0)
        {
            end = maxLength;
            if (char.IsHighSurrogate(text[end - 1]) && end < text.Length && char.IsLowSurrogate(text[end]))
            {
                end--;
            }
        }

        return text[..end];
    }

    private static string ReplaceLoneSurrogates(string text)
    {
        var span = text.AsSpan();
        var first = span.IndexOfAnyInRange('\uD800', '\uDFFF');
        if (first < 0 || Utf16IsValid(span[first..]))
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        builder.Append(span[..first]);
        for (var i = first; i < span.Length; i++)
        {
            var c = span[i];
            if (char.IsHighSurrogate(c) && i + 1 < span.Length && char.IsLowSurrogate(span[i + 1]))
            {
                builder.Append(c).Append(span[++i]);
            }
            else
            {
                builder.Append(char.IsSurrogate(c) ? '\uFFFD' : c);
            }
        }

        return builder.ToString();
    }

    private static bool Utf16IsValid(ReadOnlySpan<char> span)
    {
        for (var i = 0; i < span.Length; i++)
        {
            var c = span[i];
            if (!char.IsSurrogate(c))
            {
                continue;
            }

            if (!char.IsHighSurrogate(c) || i + 1 >= span.Length || !char.IsLowSurrogate(span[i + 1]))
            {
                return false;
            }

            i++;
        }

        return true;
    }
}
