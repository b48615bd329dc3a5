namespace Insights.Sentiment.Language;

/// <summary>
/// How texts of known languages were identified: a count per (true language, identified language), the identified
/// side including <see cref="LanguageCodes.Other"/> and <see cref="LanguageCodes.Undetermined"/>.
/// </summary>
public sealed class LanguageConfusion
{
    private readonly Dictionary<(string Gold, string Found), int> counts = [];
    private readonly Dictionary<string, int> totals = new(StringComparer.Ordinal);

    public IReadOnlyList<string> Languages => [.. totals.Keys.Order(StringComparer.Ordinal)];

    /// <summary>Every identified code seen, the model's languages first, then other and und.</summary>
    public IReadOnlyList<string> Identified => [.. counts.Keys.Select(k => k.Found).Distinct().OrderBy(c => c is LanguageCodes.Other or LanguageCodes.Undetermined).ThenBy(c => c, StringComparer.Ordinal)];

    public int Total => totals.Values.Sum();

    public static LanguageConfusion Measure(LanguageIdentifier identifier, IEnumerable<LanguageText> texts)
    {
        ArgumentNullException.ThrowIfNull(identifier);
        ArgumentNullException.ThrowIfNull(texts);
        var confusion = new LanguageConfusion();
        foreach (var item in texts)
        {
            confusion.Add(item.Language, identifier.Identify(item.Text).Language);
        }

        return confusion;
    }

    public void Add(string gold, string found)
    {
        counts[(gold, found)] = Count(gold, found) + 1;
        totals[gold] = totals.GetValueOrDefault(gold) + 1;
    }

    public int Count(string gold, string found) => counts.GetValueOrDefault((gold, found));

    /// <summary>Share of the language's texts identified as it.</summary>
    public double Accuracy(string language) => totals.TryGetValue(language, out var total) && total > 0 ? (double)Count(language, language) / total : 0;

    /// <summary>Share of all texts identified as their language.</summary>
    public double OverallAccuracy => Total == 0 ? 0 : (double)totals.Keys.Sum(l => Count(l, l)) / Total;
}
