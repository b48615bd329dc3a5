namespace Insights.Topics.Modeling;

using System.ComponentModel.DataAnnotations;

/// <summary>The topic model's settings (<c>Insights:Topics:Model</c>).</summary>
public sealed class TopicModelOptions
{
    public const string SectionName = "Insights:Topics:Model";

    /// <summary>Clusters fitted per day; a day with few comments gets fewer (<see cref="MinCommentsPerTopic"/>).</summary>
    [Range(2, 200)]
    public int Topics { get; set; } = 20;

    [Range(1, 50)]
    public int TermsPerTopic { get; set; } = 10;

    /// <summary>A word must occur in at least this many of the fitted comments to count: rarer words are typos and names.</summary>
    [Range(1, 1000)]
    public int MinDocumentFrequency { get; set; } = 3;

    /// <summary>Words in more than this share of the comments say nothing about a topic ("love", "this" in any language).</summary>
    [Range(0.01, 1.0)]
    public double MaxDocumentShare { get; set; } = 0.3;

    /// <summary>The vocabulary keeps at most this many words, the most frequent.</summary>
    [Range(100, 1_000_000)]
    public int MaxVocabulary { get; set; } = 20_000;

    /// <summary>Fewer fitted comments than <see cref="Topics"/> times this fit fewer topics.</summary>
    [Range(1, 1000)]
    public int MinCommentsPerTopic { get; set; } = 10;

    /// <summary>At most this many comments are fitted; a larger day is sampled by comment id, then every comment assigned.</summary>
    [Range(100, 10_000_000)]
    public int MaxTrainingComments { get; set; } = 50_000;

    /// <summary>Seeds the clustering, so a day's comments always give the same topics.</summary>
    public int Seed { get; set; } = 1;
}
