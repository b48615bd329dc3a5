namespace Insights.Sentiment.Language;

/// <summary>How <see cref="LanguageTrainer"/> builds a model.</summary>
public sealed record LanguageTrainingOptions
{
    /// <summary>Recorded in the model; bump it when the training or its data change the model.</summary>
    public string Version { get; init; } = "charnb/1";

    /// <summary>log2 of the number of hash buckets.</summary>
    public int BucketBits { get; init; } = 16;

    /// <summary>Additive smoothing of the n-gram counts.</summary>
    public double Smoothing { get; init; } = 0.5;

    /// <summary>
    /// English training texts kept from the large English file (drawn with <see cref="Seed"/>), so English does not
    /// outweigh the other languages' 1,800 tweets by thirty to one; 0 keeps them all.
    /// </summary>
    public int MaxTextsPerLanguage { get; init; } = 12_000;

    /// <summary>
    /// Share of each language's validation texts (those long enough to be judged) allowed to fall below its threshold
    /// and come out as other: the threshold is this quantile of their mean n-gram log-probability.
    /// </summary>
    public double RejectQuantile { get; init; } = 0.005;

    /// <summary>log2 of the slots of the frequent-word table.</summary>
    public int WordBits { get; init; } = 17;

    /// <summary>How many of each language's most frequent training words (two letters or more) the word table holds.</summary>
    public int FrequentWords { get; init; } = 2_000;

    /// <summary>As <see cref="RejectQuantile"/>, for the share of a text's words that are frequent words of its language.</summary>
    public double WordRejectQuantile { get; init; } = 0.01;

    public int Seed { get; init; } = 19;
}
