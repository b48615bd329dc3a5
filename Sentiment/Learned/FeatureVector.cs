namespace Insights.Sentiment.Learned;

/// <summary>
/// The features of one text as a sparse vector, the form training reads: the <see cref="LexiconSignals"/> at
/// indices 0 to <see cref="LexiconSignals.Count"/> - 1, then one index per hashed bucket. A word n-gram adds
/// 1/√(word n-grams of the text) to its bucket and a character n-gram 1/√(character n-grams), so long and short
/// texts weigh alike; <see cref="LearnedSentimentAnalyzer"/> computes the same sums without building the vector.
/// </summary>
/// <param name="Indices">Ascending, distinct.</param>
/// <param name="Values">The value at each index.</param>
public sealed record FeatureVector(int[] Indices, float[] Values)
{
    /// <summary>The length of every vector of these options.</summary>
    public static int Dimension(FeatureOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return LexiconSignals.Count + options.Buckets;
    }

    public static FeatureVector Of(string text, FeatureOptions options, LexiconSentimentAnalyzer lexicon)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sink = new CollectingSink([], []);
        NgramFeatures.Extract(text, options, ref sink);

        var values = new SortedDictionary<int, float>();
        Span<float> signals = stackalloc float[LexiconSignals.Count];
        LexiconSignals.Compute(lexicon, text, signals);
        for (var i = 0; i < signals.Length; i++)
        {
            if (signals[i] != 0)
            {
                values[i] = signals[i];
            }
        }

        Add(values, sink.Words);
        Add(values, sink.Chars);
        return new FeatureVector([.. values.Keys], [.. values.Values]);
    }

    private static void Add(SortedDictionary<int, float> values, List<int> buckets)
    {
        if (buckets.Count == 0)
        {
            return;
        }

        var weight = 1 / MathF.Sqrt(buckets.Count);
        foreach (var bucket in buckets)
        {
            var index = LexiconSignals.Count + bucket;
            values[index] = values.GetValueOrDefault(index) + weight;
        }
    }

    private readonly record struct CollectingSink(List<int> Words, List<int> Chars) : IFeatureSink
    {
        public void Word(int bucket) => Words.Add(bucket);

        public void Char(int bucket) => Chars.Add(bucket);
    }
}
