namespace Insights.Sentiment.Learned;

/// <summary>
/// Receives the hashed n-grams of one text. A struct implementation is passed by reference to
/// <see cref="NgramFeatures.Extract{TSink}"/>, so the scorer's sink is inlined; training collects the same calls.
/// </summary>
public interface IFeatureSink
{
    /// <summary>A word or word-pair n-gram fell into <paramref name="bucket"/>.</summary>
    void Word(int bucket);

    /// <summary>A character n-gram fell into <paramref name="bucket"/>.</summary>
    void Char(int bucket);
}
