namespace Insights.Sentiment.Tests.Support;

/// <summary>Accuracy and macro-averaged F1 over the three labels.</summary>
internal readonly record struct Metrics(double Accuracy, double MacroF1)
{
    public static Metrics Of(IReadOnlyList<SentimentLabel> gold, IReadOnlyList<SentimentLabel> predicted)
    {
        var labels = new[] { SentimentLabel.Negative, SentimentLabel.Neutral, SentimentLabel.Positive };
        var correct = 0;
        for (var i = 0; i < gold.Count; i++)
        {
            correct += gold[i] == predicted[i] ? 1 : 0;
        }

        var f1Sum = 0.0;
        foreach (var label in labels)
        {
            int truePositives = 0, falsePositives = 0, falseNegatives = 0;
            for (var i = 0; i < gold.Count; i++)
            {
                if (predicted[i] == label && gold[i] == label)
                {
                    truePositives++;
                }
                else if (predicted[i] == label)
                {
                    falsePositives++;
                }
                else if (gold[i] == label)
                {
                    falseNegatives++;
                }
            }

            var precision = truePositives + falsePositives == 0 ? 0 : (double)truePositives / (truePositives + falsePositives);
            var recall = truePositives + falseNegatives == 0 ? 0 : (double)truePositives / (truePositives + falseNegatives);
            f1Sum += precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        }

        return new Metrics((double)correct / gold.Count, f1Sum / labels.Length);
    }
}
