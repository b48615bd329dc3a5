namespace Insights.Sentiment.Evaluation;

/// <summary>
/// How two labelled files label the texts they share (same <see cref="OverlapKey"/>): <see cref="Matrix"/> counts
/// <see cref="File"/>'s label as gold against <see cref="Reference"/>'s as predicted, so its macro-F1 is what the
/// reference's annotators would score on the shared part of the file. A ceiling on any model that reads sentiment
/// the way they do: a file whose labels disagree with theirs on the same texts cannot be learned past that point.
/// </summary>
/// <param name="File">The file measured.</param>
/// <param name="Reference">The file whose labels are compared with it.</param>
/// <param name="Matrix">Shared texts, the file's label against the reference's.</param>
public sealed record LabelAgreement(string File, string Reference, ConfusionMatrix Matrix)
{
    /// <summary>Keys shorter than this (letters and digits) are not compared: "lol" and "thank you" are many tweets.</summary>
    public const int MinKeyLength = 10;

    public long SharedTexts => Matrix.Total;

    /// <summary>Share of the shared texts with the same label in both files.</summary>
    public double Agreement => Matrix.Accuracy;

    /// <summary>Cohen's kappa: agreement beyond what the two files' label frequencies give by chance (0: none, 1: all).</summary>
    public double Kappa
    {
        get
        {
            if (SharedTexts == 0)
            {
                return 0;
            }

            double n = SharedTexts;
            var chance = ConfusionMatrix.Labels.Sum(l => Matrix.GoldCount(l) / n * (Matrix.PredictedCount(l) / n));
            return chance >= 1 ? 1 : (Agreement - chance) / (1 - chance);
        }
    }

    /// <summary>
    /// Compares the labels of the texts both lists hold; a text that occurs more than once in a list counts with its
    /// first label, and once.
    /// </summary>
    public static LabelAgreement Measure(string file, IReadOnlyList<LabelledText> items, string reference, IReadOnlyList<LabelledText> referenceItems)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(referenceItems);
        var referenceLabels = new Dictionary<string, SentimentLabel>(StringComparer.Ordinal);
        foreach (var item in referenceItems)
        {
            var key = OverlapKey.Of(item.Text);
            if (key.Length >= MinKeyLength)
            {
                referenceLabels.TryAdd(key, item.Gold);
            }
        }

        var matrix = new ConfusionMatrix();
        var counted = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            var key = OverlapKey.Of(item.Text);
            if (key.Length >= MinKeyLength && referenceLabels.TryGetValue(key, out var label) && counted.Add(key))
            {
                matrix.Add(item.Gold, label);
            }
        }

        return new LabelAgreement(file, reference, matrix);
    }

    /// <summary>
    /// Every XLM-T file of <paramref name="folder"/> (train and validation, every language) against the English
    /// training file <see cref="SentimentDataSets.EnglishTraining"/>, for those that share texts with it. Empty when
    /// the folder lacks the English training file.
    /// </summary>
    public static IReadOnlyList<LabelAgreement> ReadAgainstEnglishTraining(string folder)
    {
        var referencePath = Path.Combine(folder, SentimentDataSets.EnglishTraining);
        if (!System.IO.File.Exists(referencePath))
        {
            return [];
        }

        var reference = LabelledTextFile.Read(referencePath);
        var found = new List<LabelAgreement>();
        foreach (var language in SentimentDataSets.Languages)
        {
            foreach (var file in new[] { $"xlmt_{language}_train.tsv", $"xlmt_{language}_val.tsv" })
            {
                var path = Path.Combine(folder, file);
                if (System.IO.File.Exists(path)
                    && Measure(file, LabelledTextFile.Read(path), SentimentDataSets.EnglishTraining, reference) is { SharedTexts: > 0 } agreement)
                {
                    found.Add(agreement);
                }
            }
        }

        return found;
    }
}
