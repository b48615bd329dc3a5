namespace Insights.Sentiment.Lexicon;

/// <summary>
/// Words that say how someone feels rather than what about: the lexicon's sentiment words, boosters, negators and
/// emphasis markers ("love", "worst", "so", "not", "fr"). The topic model leaves them out, because a topic's sentiment
/// is measured on its own and "love" would otherwise tie every happy comment into one topic.
/// </summary>
public static class OpinionWords
{
    private const WordRoles Roles = WordRoles.Negator | WordRoles.Booster | WordRoles.PostBooster | WordRoles.Emphasis;

    /// <summary>Whether the lower-case word is a sentiment word or modifier of the analyzer's lexicon.</summary>
    public static bool Contains(ReadOnlySpan<char> word) =>
        SentimentLexicon.Default.TryGetWord(word, out var entry) && (entry.Valence != 0 || (entry.Roles & Roles) != 0);
}
