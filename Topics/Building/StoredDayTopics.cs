namespace Insights.Topics.Building;

using Insights.Lake.Records;

/// <summary>A day's topics as the lake holds them: the topics, most comments first, and their terms by rank.</summary>
public sealed record StoredDayTopics(DateOnly Date, IReadOnlyList<TopicRow> Topics, IReadOnlyList<TopicTermRow> Terms)
{
    /// <summary>When the build that wrote them finished; null for a build that found no topic.</summary>
    public DateTime? BuiltAt => Topics.Count == 0 ? null : Topics[0].BuiltAt;

    /// <summary>The topics as earlier topics for <see cref="TopicIdMatcher"/>.</summary>
    public IReadOnlyList<KnownTopic> Known()
    {
        var terms = Terms.ToLookup(t => t.TopicId, StringComparer.Ordinal);
        return Topics
            .Select(t => new KnownTopic(
                t.TopicId,
                t.Comments,
                terms[t.TopicId].GroupBy(r => r.Term, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Sum(r => r.Weight), StringComparer.Ordinal)))
            .ToList();
    }

    public IReadOnlyList<TopicTermRow> TermsOf(string topicId) =>
        Terms.Where(t => t.TopicId == topicId).OrderBy(t => t.Rank).ToList();
}
