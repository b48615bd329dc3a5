namespace Insights.Sentiment.Lexicon;

/// <summary>
/// One word, phrase, emoji or emoticon. <see cref="Valence"/> is on a -4..+4 scale; <see cref="Factor"/> is the
/// multiplier of boosters, post-boosters and emphasis markers (1 otherwise).
/// </summary>
internal readonly record struct LexiconEntry(float Valence, float Factor, WordRoles Roles, ContextRule Rule)
{
    public static readonly LexiconEntry Unknown = new(0f, 1f, WordRoles.None, ContextRule.None);

    public bool Has(WordRoles role) => (Roles & role) != 0;
}
