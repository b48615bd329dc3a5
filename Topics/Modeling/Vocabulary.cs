namespace Insights.Topics.Modeling;

using System.Collections.Frozen;

/// <summary>
/// The words clustering looks at: in at least <see cref="TopicModelOptions.MinDocumentFrequency"/> comments (rarer
/// ones are typos, names, noise) and at most <see cref="TopicModelOptions.MaxDocumentShare"/> of them (commoner ones
/// belong to every topic), the <see cref="TopicModelOptions.MaxVocabulary"/> most frequent.
/// </summary>
internal sealed class Vocabulary(FrozenSet<string> words)
{
    public int Count => words.Count;

    public static Vocabulary Build(IReadOnlyList<List<string>> documents, TopicModelOptions options)
    {
        var frequency = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var document in documents)
        {
            foreach (var word in document.Distinct(StringComparer.Ordinal))
            {
                frequency[word] = frequency.GetValueOrDefault(word) + 1;
            }
        }

        var ceiling = Math.Max(options.MinDocumentFrequency, (int)(options.MaxDocumentShare * documents.Count));
        var kept = frequency.Where(p => p.Value >= options.MinDocumentFrequency && p.Value <= ceiling)
            .OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal)
            .Take(options.MaxVocabulary)
            .Select(p => p.Key);
        return new Vocabulary(kept.ToFrozenSet(StringComparer.Ordinal));
    }

    public string[] Keep(List<string> tokens) => tokens.Where(words.Contains).ToArray();
}
