namespace Insights.Sentiment.Evaluation;

/// <summary>
/// Gold labels against predicted labels over the three classes, and the scores derived from them: accuracy,
/// per-class precision, recall and F1, macro-F1 and macro-recall (unweighted means over the three classes).
/// A class never predicted has precision 0; a class absent from the gold labels has recall 0; either gives F1 0.
/// The macro averages always divide by 3, like scikit-learn with <c>labels=[negative, neutral, positive]</c>
/// and <c>zero_division=0</c>.
/// </summary>
public sealed class ConfusionMatrix
{
    /// <summary>The classes in the order rows and columns are printed: negative, neutral, positive.</summary>
    public static IReadOnlyList<SentimentLabel> Labels { get; } = [SentimentLabel.Negative, SentimentLabel.Neutral, SentimentLabel.Positive];

    private readonly long[,] counts = new long[3, 3];

    /// <summary>Items counted.</summary>
    public long Total { get; private set; }

    /// <summary>Items whose gold label is <paramref name="gold"/> and predicted label is <paramref name="predicted"/>.</summary>
    public long this[SentimentLabel gold, SentimentLabel predicted] => counts[Index(gold), Index(predicted)];

    public static ConfusionMatrix Of(IReadOnlyList<SentimentLabel> gold, IReadOnlyList<SentimentLabel> predicted)
    {
        ArgumentNullException.ThrowIfNull(gold);
        ArgumentNullException.ThrowIfNull(predicted);
        if (gold.Count != predicted.Count)
        {
            throw new ArgumentException($"{gold.Count} gold labels but {predicted.Count} predictions.", nameof(predicted));
        }

        var matrix = new ConfusionMatrix();
        for (var i = 0; i < gold.Count; i++)
        {
            matrix.Add(gold[i], predicted[i]);
        }

        return matrix;
    }

    public void Add(SentimentLabel gold, SentimentLabel predicted)
    {
        counts[Index(gold), Index(predicted)]++;
        Total++;
    }

    /// <summary>Share of items predicted right; 0 when empty.</summary>
    public double Accuracy
    {
        get
        {
            long correct = 0;
            for (var i = 0; i < 3; i++)
            {
                correct += counts[i, i];
            }

            return Total == 0 ? 0 : (double)correct / Total;
        }
    }

    /// <summary>Items whose gold label is <paramref name="label"/>.</summary>
    public long GoldCount(SentimentLabel label)
    {
        var row = Index(label);
        return counts[row, 0] + counts[row, 1] + counts[row, 2];
    }

    /// <summary>Items predicted as <paramref name="label"/>.</summary>
    public long PredictedCount(SentimentLabel label)
    {
        var column = Index(label);
        return counts[0, column] + counts[1, column] + counts[2, column];
    }

    public double Precision(SentimentLabel label)
    {
        var predicted = PredictedCount(label);
        return predicted == 0 ? 0 : (double)this[label, label] / predicted;
    }

    public double Recall(SentimentLabel label)
    {
        var gold = GoldCount(label);
        return gold == 0 ? 0 : (double)this[label, label] / gold;
    }

    public double F1(SentimentLabel label)
    {
        var precision = Precision(label);
        var recall = Recall(label);
        return precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
    }

    public double MacroF1 => Labels.Average(F1);

    public double MacroRecall => Labels.Average(Recall);

    public double MacroPrecision => Labels.Average(Precision);

    private static int Index(SentimentLabel label) => label switch
    {
        SentimentLabel.Negative => 0,
        SentimentLabel.Neutral => 1,
        SentimentLabel.Positive => 2,
        _ => throw new ArgumentOutOfRangeException(nameof(label), label, "Not one of the three sentiment classes."),
    };
}
