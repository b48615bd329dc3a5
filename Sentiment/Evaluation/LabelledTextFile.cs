namespace Insights.Sentiment.Evaluation;

using System.Text;

/// <summary>
/// Reads evaluation files: UTF-8, one item per line as <c>label&lt;TAB&gt;text</c>, the label one of
/// <c>negative</c>, <c>neutral</c>, <c>positive</c>. Empty lines are skipped. The text is everything after the
/// first tab, kept as it is. A line without a tab or with another label is an error naming the file and line.
/// </summary>
public static class LabelledTextFile
{
    /// <exception cref="InvalidDataException">A line has no tab or an unknown label.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static IReadOnlyList<LabelledText> Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        using var reader = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return Read(reader, Path.GetFileName(path));
    }

    /// <param name="reader">The lines.</param>
    /// <param name="source">How errors name the input (usually the file name).</param>
    public static IReadOnlyList<LabelledText> Read(TextReader reader, string source)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var items = new List<LabelledText>();
        var number = 0;
        while (reader.ReadLine() is { } line)
        {
            number++;
            if (line.Length == 0)
            {
                continue;
            }

            var tab = line.IndexOf('\t');
            if (tab < 0)
            {
                throw new InvalidDataException($"{source}:{number}: no tab between label and text.");
            }

            if (!TryParseLabel(line.AsSpan(0, tab), out var label))
            {
                throw new InvalidDataException(
                    $"{source}:{number}: unknown label '{Shorten(line[..tab])}' (expected negative, neutral or positive).");
            }

            items.Add(new LabelledText(label, line[(tab + 1)..], number));
        }

        return items;
    }

    /// <summary>Parses <c>negative</c>, <c>neutral</c> or <c>positive</c> (lower case, as in the files).</summary>
    public static bool TryParseLabel(ReadOnlySpan<char> text, out SentimentLabel label)
    {
        switch (text)
        {
            case "negative":
                label = SentimentLabel.Negative;
                return true;
            case "neutral":
                label = SentimentLabel.Neutral;
                return true;
            case "positive":
                label = SentimentLabel.Positive;
                return true;
            default:
                label = default;
                return false;
        }
    }

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "...";
}
