namespace Insights.Sentiment.Tests.Golden;

using System.Globalization;
using System.Text;

/// <summary>
/// The line format of the golden files: a result as <c>label, score, positive, neutral, negative</c> rounded to six
/// decimals, and texts escaped so that any UTF-16 string (tabs, line breaks, lone surrogates) fits on one line of a
/// UTF-8 file.
/// </summary>
internal static class GoldenText
{
    public static string Format(SentimentResult result) => string.Create(
        CultureInfo.InvariantCulture,
        $"{result.Label.ToString().ToLowerInvariant()}\t{result.Score:F6}\t{result.Positive:F6}\t{result.Neutral:F6}\t{result.Negative:F6}");

    /// <summary>Backslash, tab, line breaks, other control characters and unpaired surrogates become escapes.</summary>
    public static string Escape(string text)
    {
        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var paired = char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]);
            switch (c)
            {
                case '\\':
                    builder.Append(@"\\");
                    break;
                case '\t':
                    builder.Append(@"\t");
                    break;
                case '\n':
                    builder.Append(@"\n");
                    break;
                case '\r':
                    builder.Append(@"\r");
                    break;
                case < ' ':
                    builder.Append(CultureInfo.InvariantCulture, $@"\u{(int)c:X4}");
                    break;
                default:
                    if (paired)
                    {
                        builder.Append(c).Append(text[++i]);
                    }
                    else if (char.IsSurrogate(c))
                    {
                        builder.Append(CultureInfo.InvariantCulture, $@"\u{(int)c:X4}");
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        return builder.ToString();
    }

    public static string Unescape(string escaped)
    {
        var builder = new StringBuilder(escaped.Length);
        for (var i = 0; i < escaped.Length; i++)
        {
            var c = escaped[i];
            if (c != '\\')
            {
                builder.Append(c);
                continue;
            }

            var next = escaped[++i];
            switch (next)
            {
                case '\\':
                    builder.Append('\\');
                    break;
                case 't':
                    builder.Append('\t');
                    break;
                case 'n':
                    builder.Append('\n');
                    break;
                case 'r':
                    builder.Append('\r');
                    break;
                case 'u':
                    builder.Append((char)int.Parse(escaped.AsSpan(i + 1, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture));
                    i += 4;
                    break;
                default:
                    throw new FormatException($"Unknown escape \\{next} in golden text '{escaped}'.");
            }
        }

        return builder.ToString();
    }
}
