namespace Insights.Sentiment.Learned;

using Insights.Sentiment.Scoring;

/// <summary>
/// The lexicon analyzer's own reading of a text as dense features of the learned model: its compound split into a
/// positive and a negative part, whether it judged the text at all (it does not judge text that is probably not
/// English), and whether it found no sentiment in judged text.
/// </summary>
public static class LexiconSignals
{
    public const int Count = 4;

    /// <summary>Writes the <see cref="Count"/> signals of <paramref name="text"/> to <paramref name="features"/>.</summary>
    public static void Compute(LexiconSentimentAnalyzer lexicon, ReadOnlySpan<char> text, Span<float> features)
    {
        ArgumentNullException.ThrowIfNull(lexicon);
        var sum = lexicon.Sum(text, out var judged);
        var compound = (float)SentimentCalibration.Compound(sum);
        features[0] = Math.Max(compound, 0);
        features[1] = Math.Max(-compound, 0);
        features[2] = judged ? 0 : 1;
        features[3] = judged && sum == 0 ? 1 : 0;
    }
}
