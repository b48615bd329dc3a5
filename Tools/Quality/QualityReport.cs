using Insights.Sentiment;
using Insights.Sentiment.Evaluation;

namespace Insights.Tools.Quality;

/// <summary>Prints one file's scores, its baselines and its confusion matrix.</summary>
internal static class QualityReport
{
    public static void Write(TextWriter output, string fileName, string analyzer, ConfusionMatrix matrix, IEnumerable<Baseline> baselines, IReadOnlyDictionary<string, int> scoredBy)
    {
        output.WriteLine($"{fileName}: {matrix.Total:N0} items, {analyzer}");
        if (scoredBy.Count > 1)
        {
            output.WriteLine($"  scored by         {string.Join(", ", scoredBy.OrderByDescending(p => p.Value).Select(p => $"{p.Key} {p.Value:N0}"))}");
        }

        output.WriteLine($"  {"this run",-16}  accuracy {matrix.Accuracy:F4}  macro-F1 {matrix.MacroF1:F4}  macro-recall {matrix.MacroRecall:F4}");
        foreach (var baseline in baselines)
        {
            output.WriteLine($"  {baseline.Analyzer,-16}  accuracy {baseline.Accuracy:F4}  macro-F1 {baseline.MacroF1:F4}  macro-recall {baseline.MacroRecall:F4}  (published baseline)");
        }

        output.WriteLine("  confusion matrix (rows: gold, columns: predicted)");
        output.WriteLine($"    {"",-10}{string.Concat(ConfusionMatrix.Labels.Select(l => $"{Name(l),10}"))}{"recall",10}");
        foreach (var gold in ConfusionMatrix.Labels)
        {
            output.WriteLine($"    {Name(gold),-10}{string.Concat(ConfusionMatrix.Labels.Select(p => $"{matrix[gold, p],10:N0}"))}{matrix.Recall(gold),10:F4}");
        }

        output.WriteLine($"    {"precision",-10}{string.Concat(ConfusionMatrix.Labels.Select(p => $"{matrix.Precision(p),10:F4}"))}");
        output.WriteLine($"    {"F1",-10}{string.Concat(ConfusionMatrix.Labels.Select(p => $"{matrix.F1(p),10:F4}"))}");
        output.WriteLine();
    }

    private static string Name(SentimentLabel label) => label.ToString().ToLowerInvariant();
}
