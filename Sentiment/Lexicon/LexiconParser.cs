namespace Insights.Sentiment.Lexicon;

using System.Globalization;

/// <summary>
/// Reads the compact lexicon format of <see cref="Data"/>: one directive per line, <c>head: item item ...</c>.
/// Lines starting with <c>#</c> are comments. Only the first colon separates the head, so emoticons such as
/// <c>:)</c> can be items. An underscore inside an item stands for a space (phrases: <c>no_cap</c>).
/// <list type="bullet">
/// <item><c>2.4: good nice</c> — valence on the -4..+4 scale.</item>
/// <item><c>negate: not never</c>, <c>contrast: but</c>, <c>concession: though</c>, <c>conditional: if</c>, <c>function: the of</c>, <c>foreign: el der</c>.</item>
/// <item><c>boost 1.3: very</c>, <c>postboost 1.35: af</c> — multiplier of the neighbouring sentiment word.</item>
/// <item><c>emphasis 1.2 [valence]: fr periodt</c> — multiplier of the whole sentence.</item>
/// <item><c>laugh 1.6: lol</c> — laughter with its valence.</item>
/// <item><c>context Predicative 2.4 [factor]: fire lit</c> — a <see cref="ContextRule"/> and its valence.</item>
/// </list>
/// Used once at start-up, so it favours clarity over speed.
/// </summary>
internal static class LexiconParser
{
    public static IEnumerable<(string Key, LexiconEntry Entry)> Parse(string data, bool underscoreIsSpace = true)
    {
        var lineNumber = 0;
        foreach (var rawLine in data.Split('\n'))
        {
            lineNumber++;
            var line = rawLine.Trim();
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var colon = line.IndexOf(':');
            if (colon <= 0)
            {
                throw new FormatException($"Lexicon line {lineNumber} has no 'head:' prefix: {line}");
            }

            var entry = ParseHead(line[..colon].Trim(), lineNumber);
            foreach (var item in line[(colon + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                yield return (underscoreIsSpace ? item.Replace('_', ' ') : item, entry);
            }
        }
    }

    private static LexiconEntry ParseHead(string head, int lineNumber)
    {
        var parts = head.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        float Number(int index) => index < parts.Length
            ? float.Parse(parts[index], NumberStyles.Float, CultureInfo.InvariantCulture)
            : throw new FormatException($"Lexicon line {lineNumber}: '{head}' needs a number at position {index}.");
        float Optional(int index, float fallback) => index < parts.Length ? Number(index) : fallback;

        var entry = parts[0] switch
        {
            "negate" => new LexiconEntry(0f, 1f, WordRoles.Negator, ContextRule.None),
            "contrast" => new LexiconEntry(0f, 1f, WordRoles.Contrast, ContextRule.None),
            "concession" => new LexiconEntry(0f, 1f, WordRoles.Concession, ContextRule.None),
            "conditional" => new LexiconEntry(0f, 1f, WordRoles.Conditional, ContextRule.None),
            "function" => new LexiconEntry(0f, 1f, WordRoles.FunctionWord, ContextRule.None),
            "foreign" => new LexiconEntry(0f, 1f, WordRoles.ForeignWord, ContextRule.None),
            "boost" => new LexiconEntry(0f, Number(1), WordRoles.Booster, ContextRule.None),
            "postboost" => new LexiconEntry(0f, Number(1), WordRoles.PostBooster, ContextRule.None),
            "emphasis" => new LexiconEntry(Optional(2, 0f), Number(1), WordRoles.Emphasis, ContextRule.None),
            "laugh" => new LexiconEntry(Number(1), 1f, WordRoles.Laughter, ContextRule.None),
            "context" when parts.Length >= 3 => new LexiconEntry(
                Number(2),
                Optional(3, 1f),
                WordRoles.None,
                Enum.Parse<ContextRule>(parts[1], ignoreCase: true)),
            _ => new LexiconEntry(Number(0), 1f, WordRoles.None, ContextRule.None),
        };

        if (entry.Valence is < -4f or > 4f || entry.Factor is <= 0f or > 3f)
        {
            throw new FormatException($"Lexicon line {lineNumber}: '{head}' is out of range.");
        }

        return entry;
    }
}
