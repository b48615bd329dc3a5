namespace Insights.Sentiment.Language;

/// <summary>
/// Trains a <see cref="LanguageModel"/>: n-gram counts per language with additive smoothing (naive Bayes), each
/// language's most frequent words, each language's script from the letters of its training texts, and each
/// language's two rejection bounds from its validation texts. Deterministic for given texts and options.
/// </summary>
public static class LanguageTrainer
{
    public static LanguageModel Train(IReadOnlyList<LanguageText> training, IReadOnlyList<LanguageText> validation, LanguageTrainingOptions options)
    {
        ArgumentNullException.ThrowIfNull(training);
        ArgumentNullException.ThrowIfNull(validation);
        ArgumentNullException.ThrowIfNull(options);
        var languages = training.Select(t => t.Language).Distinct().Order(StringComparer.Ordinal).ToArray();
        if (languages.Length > LanguageModel.MaxLanguages)
        {
            throw new ArgumentException($"At most {LanguageModel.MaxLanguages} languages.", nameof(training));
        }

        var buckets = 1 << options.BucketBits;
        var mask = buckets - 1;
        var counts = new double[buckets * languages.Length];
        var totals = new double[languages.Length];
        var scripts = new ScriptCounts[languages.Length];
        var wordLanguages = new uint[1 << options.WordBits];
        var features = new int[CharNGrams.MaxFeatures];
        var words = new uint[CharNGrams.MaxWords];
        foreach (var (language, texts) in Sample(training, languages, options))
        {
            var l = Array.IndexOf(languages, language);
            var wordCounts = new Dictionary<uint, int>();
            foreach (var text in texts)
            {
                var n = CharNGrams.Extract(text, features, mask, words, out var wordCount, ref scripts[l]);
                for (var i = 0; i < n; i++)
                {
                    counts[(features[i] * languages.Length) + l]++;
                }

                totals[l] += n;
                foreach (var word in words.AsSpan(0, wordCount))
                {
                    wordCounts[word] = wordCounts.GetValueOrDefault(word) + 1;
                }
            }

            foreach (var word in wordCounts.OrderByDescending(w => w.Value).ThenBy(w => w.Key).Take(options.FrequentWords))
            {
                wordLanguages[word.Key & (uint)(wordLanguages.Length - 1)] |= 1u << l;
            }
        }

        var weights = new float[counts.Length];
        for (var l = 0; l < languages.Length; l++)
        {
            var denominator = Math.Log(totals[l] + (options.Smoothing * buckets));
            for (var b = 0; b < buckets; b++)
            {
                var at = (b * languages.Length) + l;
                weights[at] = (float)(Math.Log(counts[at] + options.Smoothing) - denominator);
            }
        }

        var unbounded = new LanguageModel(
            options.Version,
            options.BucketBits,
            [.. languages.Select((code, l) => new LanguageEntry(code, scripts[l].Dominant, float.NegativeInfinity, 0))],
            weights,
            options.WordBits,
            wordLanguages);
        var entries = Bounds(unbounded, validation, options);
        return new LanguageModel(options.Version, options.BucketBits, entries, weights, options.WordBits, wordLanguages);
    }

    /// <summary>Each language's texts, at most <see cref="LanguageTrainingOptions.MaxTextsPerLanguage"/> of them drawn with the seed.</summary>
    private static IEnumerable<(string Language, IReadOnlyList<string> Texts)> Sample(IReadOnlyList<LanguageText> training, string[] languages, LanguageTrainingOptions options)
    {
        var random = new Random(options.Seed);
        foreach (var language in languages)
        {
            var texts = training.Where(t => t.Language == language).Select(t => t.Text).ToArray();
            if (options.MaxTextsPerLanguage > 0 && texts.Length > options.MaxTextsPerLanguage)
            {
                random.Shuffle(texts);
                texts = texts[..options.MaxTextsPerLanguage];
            }

            yield return (language, texts);
        }
    }

    /// <summary>
    /// Per language, the quantiles of the mean n-gram log-probability and of the known-word share of its own
    /// validation texts long enough to be rejected by each; no bound for a language without such texts.
    /// </summary>
    private static LanguageEntry[] Bounds(LanguageModel model, IReadOnlyList<LanguageText> validation, LanguageTrainingOptions options)
    {
        var identifier = new LanguageIdentifier(model);
        var features = new int[CharNGrams.MaxFeatures];
        var words = new uint[CharNGrams.MaxWords];
        var scores = new float[model.Languages.Count];
        var entries = new LanguageEntry[model.Languages.Count];
        for (var l = 0; l < entries.Length; l++)
        {
            var fits = new List<float>();
            var shares = new List<float>();
            foreach (var item in validation.Where(v => v.Language == model.Languages[l]))
            {
                var scripts = default(ScriptCounts);
                var n = CharNGrams.Extract(item.Text, features, model.Mask, words, out var wordCount, ref scripts);
                if (n >= LanguageIdentifier.MinFeaturesToRejectAll)
                {
                    identifier.Score(features.AsSpan(0, n), scores);
                    fits.Add(scores[l] / n);
                }

                if (wordCount >= LanguageIdentifier.MinWordsToRejectAll)
                {
                    shares.Add((float)identifier.KnownWordShare(words.AsSpan(0, wordCount), l));
                }
            }

            entries[l] = model.Entries[l] with
            {
                MinMeanLogProbability = Quantile(fits, options.RejectQuantile, float.NegativeInfinity),
                MinKnownWordShare = Quantile(shares, options.WordRejectQuantile, 0),
            };
        }

        return entries;
    }

    private static float Quantile(List<float> values, double quantile, float none)
    {
        if (values.Count == 0)
        {
            return none;
        }

        values.Sort();
        return values[(int)Math.Floor(quantile * (values.Count - 1))];
    }
}
