namespace Insights.Sentiment.Language;

using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

/// <summary>
/// Tells the language of a comment, in this order:
/// <list type="number">
/// <item>no letters at all (emoji, numbers, links, mentions): <see cref="LanguageCodes.Undetermined"/>;</item>
/// <item>most letters in a script none of the model's languages is written in (Cyrillic, CJK, Hangul, Thai, Greek,
/// Hebrew, Indic scripts other than Devanagari...): <see cref="LanguageCodes.Other"/>;</item>
/// <item>Devanagari: Hindi (the model's Hindi is romanised; Marathi and Nepali come out as Hindi too);</item>
/// <item>Arabic script with <see cref="MinPersianOrUrduLetters"/> letters only Persian or Urdu write: other;
/// Latin script with letters only languages outside the model write (Turkish ı ş ğ, Polish ł ą ę, Czech ř ě,
/// Nordic å ø æ..., <see cref="ScriptOf.IsForeignLatinLetter"/>), at least <see cref="MinForeignLatinLetters"/> or one
/// in every <see cref="ForeignLatinLetterRatio"/> letters: other; so is Latin script with at least
/// <see cref="MinForeignWords"/> common words of such languages (<see cref="ForeignWords"/>: Dutch, Swedish,
/// Indonesian...), one in every <see cref="ForeignWordRatio"/> words;</item>
/// <item>otherwise naive Bayes over the character n-grams picks among the languages written in that script; the text
/// fits none of them (other) when it has at least <see cref="MinFeaturesToRejectAll"/> n-grams whose mean
/// log-probability under the best language is below that language's bound, or at least
/// <see cref="MinWordsToRejectAll"/> words of which too few are among the best language's frequent training words
/// (both bounds set in training at a low quantile of the language's own validation texts).</item>
/// </list>
/// Thread-safe and allocation-free; one instance serves the silo.
/// </summary>
[SkipLocalsInit]
public sealed class LanguageIdentifier
{
    public const int MinPersianOrUrduLetters = 2;

    public const int MinForeignLatinLetters = 3;

    public const int ForeignLatinLetterRatio = 20;

    public const int MinForeignWords = 2;

    public const int ForeignWordRatio = 4;

    /// <summary>Shorter texts always get the best language: too few n-grams to say they fit none.</summary>
    public const int MinFeaturesToRejectAll = 80;

    /// <summary>Texts with fewer words are never set aside for want of known words.</summary>
    public const int MinWordsToRejectAll = 4;

    private readonly LanguageModel model;
    private readonly int languageCount;
    private readonly ulong latinCandidates;
    private readonly ulong arabicCandidates;
    private readonly string? devanagariLanguage;

    /// <summary>u = 2^−24, the unit roundoff of float.</summary>
    private const double Unit = 1.0 / (1 << 24);

    /// <summary>Added to every bound so that sums of a few terms never count as exact.</summary>
    private const double MinBound = 1e-3;

    /// <summary>The largest |weight| of the model (infinite when a weight is not finite: then there is no fast path).</summary>
    private readonly float maxAbsWeight;

    /// <summary>Eight languages, so one bucket's weights are one vector (the fast sums need it).</summary>
    private readonly bool stride8;

    public LanguageIdentifier()
        : this(LanguageModel.Default)
    {
    }

    public LanguageIdentifier(LanguageModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        this.model = model;
        languageCount = model.Languages.Count;
        for (var l = 0; l < languageCount; l++)
        {
            if (model.Entries[l].Script == Script.Latin)
            {
                latinCandidates |= 1UL << l;
            }
            else if (model.Entries[l].Script == Script.Arabic)
            {
                arabicCandidates |= 1UL << l;
            }
        }

        devanagariLanguage = model.Languages.Contains("hi") ? "hi" : null;
        stride8 = languageCount == Vector256<float>.Count && Vector256.IsHardwareAccelerated;
        foreach (var weight in model.Weights)
        {
            maxAbsWeight = float.IsFinite(weight) ? Math.Max(maxAbsWeight, Math.Abs(weight)) : float.PositiveInfinity;
        }
    }

    public LanguageModel Model => model;

    /// <summary>Model version, e.g. <c>charnb/1</c>.</summary>
    public string Name => model.Version;

    public LanguageGuess Identify(string? text) => text is null ? new(LanguageCodes.Undetermined, 0) : Identify(text.AsSpan());

    public LanguageGuess Identify(ReadOnlySpan<char> text) => Guess(text, withConfidence: true);

    /// <summary>
    /// The language <see cref="Identify(string?)"/> gives, without its confidence: the probability among the script's
    /// languages takes an exponential per language, which a caller that keeps only the language need not pay.
    /// </summary>
    public string LanguageOf(string? text) => text is null ? LanguageCodes.Undetermined : Guess(text.AsSpan(), withConfidence: false).Language;

    private LanguageGuess Guess(ReadOnlySpan<char> text, bool withConfidence)
    {
        Span<int> features = stackalloc int[CharNGrams.MaxFeatures];
        Span<uint> words = stackalloc uint[CharNGrams.MaxWords];
        var scripts = default(ScriptCounts);
        var count = CharNGrams.Extract(text, features, model.Mask, words, out var wordCount, ref scripts);
        var letters = scripts.Letters;
        ulong candidates;
        switch (scripts.Dominant)
        {
            case Script.None:
                return new(LanguageCodes.Undetermined, 0);
            case Script.Devanagari:
                return new(devanagariLanguage ?? LanguageCodes.Other, (double)scripts.Devanagari / letters);
            case Script.Arabic when scripts.PersianOrUrdu >= MinPersianOrUrduLetters:
                return new(LanguageCodes.Other, (double)scripts.Arabic / letters);
            case Script.Arabic:
                candidates = arabicCandidates;
                break;
            case Script.Latin when scripts.ForeignLatin >= MinForeignLatinLetters || scripts.ForeignLatin * ForeignLatinLetterRatio >= scripts.Latin:
                return new(LanguageCodes.Other, (double)scripts.Latin / letters);
            case Script.Latin when IsForeignByWords(words[..wordCount]):
                return new(LanguageCodes.Other, (double)scripts.Latin / letters);
            case Script.Latin:
                candidates = latinCandidates;
                break;
            default:
                return new(LanguageCodes.Other, (double)scripts.OtherScripts / letters);
        }

        if (candidates == 0)
        {
            return new(LanguageCodes.Other, 0);
        }

        Span<float> scores = stackalloc float[languageCount];
        if (!withConfidence && stride8 && ScoreFast(features[..count], scores, out var bound)
            && TryDecideFast(scores, bound, candidates, count, words[..wordCount], out var guess))
        {
            return guess;
        }

        Score(features[..count], scores);
        return Decide(scores, candidates, count, words[..wordCount], withConfidence);
    }

    /// <summary>The summed log-probability of the n-grams under each language.</summary>
    internal void Score(ReadOnlySpan<int> features, Span<float> scores)
    {
        var weights = model.Weights;
        var stride = languageCount;
        if (stride == Vector256<float>.Count && Vector256.IsHardwareAccelerated)
        {
            // Eight languages: one bucket's weights are one vector.
            ref var first = ref MemoryMarshal.GetArrayDataReference(weights);
            var sum = Vector256<float>.Zero;
            foreach (var bucket in features)
            {
                sum += Vector256.LoadUnsafe(ref first, (nuint)bucket * (nuint)Vector256<float>.Count);
            }

            sum.CopyTo(scores);
            return;
        }

        scores.Clear();
        foreach (var bucket in features)
        {
            var row = weights.AsSpan(bucket * stride, stride);
            for (var l = 0; l < row.Length; l++)
            {
                scores[l] += row[l];
            }
        }
    }

    /// <summary>
    /// The same sums as <see cref="Score"/> in another order: four running sums side by side instead of one chain of
    /// additions, each waiting for the one before. Float addition is not associative, so they may differ from
    /// <see cref="Score"/>'s in the last bits; <paramref name="bound"/> is how far at most. Any order of summing n
    /// terms is within γ(n−1)·Σ|w| of the exact sum (γ(k) = k·u/(1−k·u) ≤ 2k·u here, u = 2^−24), so two orders are
    /// within 4n·u·Σ|w| ≤ 4n²·u·max|w| of each other; the bound is twice that. False (no bound) when the model's weights are not all finite.
    /// </summary>
    private bool ScoreFast(ReadOnlySpan<int> features, Span<float> scores, out double bound)
    {
        bound = 0;
        if (!(maxAbsWeight < float.MaxValue))
        {
            return false;
        }

        ref var first = ref MemoryMarshal.GetArrayDataReference(model.Weights);
        Vector256<float> a = default, b = default, c = default, d = default;
        var i = 0;
        for (; i + 4 <= features.Length; i += 4)
        {
            a += Vector256.LoadUnsafe(ref first, (nuint)features[i] * (nuint)Vector256<float>.Count);
            b += Vector256.LoadUnsafe(ref first, (nuint)features[i + 1] * (nuint)Vector256<float>.Count);
            c += Vector256.LoadUnsafe(ref first, (nuint)features[i + 2] * (nuint)Vector256<float>.Count);
            d += Vector256.LoadUnsafe(ref first, (nuint)features[i + 3] * (nuint)Vector256<float>.Count);
        }

        for (; i < features.Length; i++)
        {
            a += Vector256.LoadUnsafe(ref first, (nuint)features[i] * (nuint)Vector256<float>.Count);
        }

        ((a + b) + (c + d)).CopyTo(scores);
        double n = features.Length;
        bound = (8 * n * n * maxAbsWeight * Unit) + MinBound;
        return true;
    }

    /// <summary>
    /// <see cref="Decide"/> without the confidence, from sums within <paramref name="bound"/> of <see cref="Score"/>'s:
    /// answers only when both decisions it takes (which candidate scores best; whether its mean is below the
    /// language's bound) come out the same for any sums within that bound, so the answer is the one the exact sums
    /// give; otherwise false, and the caller sums exactly. Texts that close to a decision are rare.
    /// </summary>
    private bool TryDecideFast(ReadOnlySpan<float> scores, double bound, ulong candidates, int count, ReadOnlySpan<uint> words, out LanguageGuess guess)
    {
        guess = default;
        var best = -1;
        var second = double.NegativeInfinity;
        for (var l = 0; l < languageCount; l++)
        {
            if ((candidates & (1UL << l)) == 0)
            {
                continue;
            }

            if (best < 0 || scores[l] > scores[best])
            {
                if (best >= 0)
                {
                    second = scores[best];
                }

                best = l;
            }
            else
            {
                second = Math.Max(second, scores[l]);
            }
        }

        double top = scores[best];
        if (top - second <= 2 * bound)
        {
            return false;
        }

        var entry = model.Entries[best];
        if (count >= MinFeaturesToRejectAll)
        {
            // The exact test divides in float (one more rounding, relative 2^-24): keep clear of it too.
            var line = (double)entry.MinMeanLogProbability * count;
            if (Math.Abs(top - line) <= bound + (Math.Abs(line) * 4 * Unit))
            {
                return false;
            }

            if (top < line)
            {
                guess = new(LanguageCodes.Other, 0);
                return true;
            }
        }

        guess = words.Length >= MinWordsToRejectAll && KnownWordShare(words, best) < entry.MinKnownWordShare
            ? new(LanguageCodes.Other, 0)
            : new(model.Languages[best], 0);
        return true;
    }

    /// <summary>At least <see cref="MinForeignWords"/> of the words, and one in <see cref="ForeignWordRatio"/>, are <see cref="ForeignWords"/>.</summary>
    private static bool IsForeignByWords(ReadOnlySpan<uint> words)
    {
        var foreign = ForeignWords.Count(words);
        return foreign >= MinForeignWords && foreign * ForeignWordRatio >= words.Length;
    }

    /// <summary>Share of the words that are among the language's frequent training words.</summary>
    internal double KnownWordShare(ReadOnlySpan<uint> words, int language)
    {
        var known = 0;
        foreach (var word in words)
        {
            known += (int)((model.WordLanguages(word) >> language) & 1);
        }

        return words.Length == 0 ? 1 : (double)known / words.Length;
    }

    private LanguageGuess Decide(ReadOnlySpan<float> scores, ulong candidates, int count, ReadOnlySpan<uint> words, bool withConfidence)
    {
        var best = -1;
        for (var l = 0; l < languageCount; l++)
        {
            if ((candidates & (1UL << l)) != 0 && (best < 0 || scores[l] > scores[best]))
            {
                best = l;
            }
        }

        var entry = model.Entries[best];
        if ((count >= MinFeaturesToRejectAll && scores[best] / count < entry.MinMeanLogProbability)
            || (words.Length >= MinWordsToRejectAll && KnownWordShare(words, best) < entry.MinKnownWordShare))
        {
            return new(LanguageCodes.Other, 0);
        }

        if (!withConfidence)
        {
            return new(model.Languages[best], 0);
        }

        // Probability of the best among the candidates, from the naive Bayes scores with equal priors.
        var sum = 0.0;
        for (var l = 0; l < languageCount; l++)
        {
            if ((candidates & (1UL << l)) != 0)
            {
                sum += Math.Exp(scores[l] - scores[best]);
            }
        }

        return new(model.Languages[best], 1 / sum);
    }
}
