namespace Insights.Sentiment.Learned;

using System.Security.Cryptography;

/// <summary>
/// A trained three-class linear model over <see cref="FeatureVector"/>s: a bias, weights of the lexicon signals and
/// weights of the hashed buckets, for each class in the order negative, neutral, positive. Its
/// <see cref="Name"/> carries a digest of its bytes, so any change of the weights changes the analyzer version
/// recorded with every score (and replay re-scores with the new one).
/// </summary>
public sealed class LinearModel
{
    public const int Classes = 3;

    /// <summary>The version of the scoring code; the digest of the weights follows it in <see cref="Name"/>.</summary>
    public const string NamePrefix = "learned/1";

    /// <param name="options">The features the weights belong to.</param>
    /// <param name="biases"><see cref="Classes"/> values.</param>
    /// <param name="signalWeights"><see cref="LexiconSignals.Count"/> × <see cref="Classes"/>, by signal then class.</param>
    /// <param name="bucketWeights">Buckets × <see cref="Classes"/>, by bucket then class.</param>
    public LinearModel(FeatureOptions options, float[] biases, float[] signalWeights, float[] bucketWeights)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(biases);
        ArgumentNullException.ThrowIfNull(signalWeights);
        ArgumentNullException.ThrowIfNull(bucketWeights);
        options.Validate();
        if (biases.Length != Classes || signalWeights.Length != LexiconSignals.Count * Classes || bucketWeights.Length != options.Buckets * Classes)
        {
            throw new ArgumentException(
                $"Weights of {biases.Length} biases, {signalWeights.Length} signal and {bucketWeights.Length} bucket weights do not fit {Classes} classes, {LexiconSignals.Count} signals and {options.Buckets} buckets.");
        }

        Options = options;
        Biases = biases;
        SignalWeights = signalWeights;
        BucketWeights = bucketWeights;
        Digest = Convert.ToHexStringLower(SHA256.HashData(LinearModelFile.Serialize(this)))[..12];
    }

    public FeatureOptions Options { get; }

    public float[] Biases { get; }

    public float[] SignalWeights { get; }

    public float[] BucketWeights { get; }

    /// <summary>The first 12 hex digits of the SHA-256 of the model's serialized (uncompressed) bytes.</summary>
    public string Digest { get; }

    /// <summary>The analyzer version: <c>learned/1+</c> and the digest.</summary>
    public string Name => $"{NamePrefix}+{Digest}";

    /// <summary>Buckets with a weight other than 0 for some class.</summary>
    public int UsedBuckets
    {
        get
        {
            var used = 0;
            for (var b = 0; b < BucketWeights.Length; b += Classes)
            {
                if (BucketWeights[b] != 0 || BucketWeights[b + 1] != 0 || BucketWeights[b + 2] != 0)
                {
                    used++;
                }
            }

            return used;
        }
    }

    /// <summary>The three logits of a feature vector, the way training defines them.</summary>
    public float[] Logits(FeatureVector features)
    {
        ArgumentNullException.ThrowIfNull(features);
        var logits = (float[])Biases.Clone();
        for (var i = 0; i < features.Indices.Length; i++)
        {
            var index = features.Indices[i];
            var weights = index < LexiconSignals.Count
                ? SignalWeights.AsSpan(index * Classes, Classes)
                : BucketWeights.AsSpan((index - LexiconSignals.Count) * Classes, Classes);
            for (var c = 0; c < Classes; c++)
            {
                logits[c] += weights[c] * features.Values[i];
            }
        }

        return logits;
    }
}
