namespace Insights.Tools.Quality;

using System.Globalization;
using Insights.Sentiment;
using Insights.Sentiment.Evaluation;
using Spectre.Console;
using Spectre.Console.Rendering;

/// <summary>One file's scores next to its published baselines, and its confusion matrix, as Spectre.Console tables.</summary>
internal static class QualityReport
{
    public static IRenderable Create(string fileName, string analyzer, ConfusionMatrix matrix, IEnumerable<Baseline> baselines, IReadOnlyDictionary<string, int> scoredBy)
    {
        var parts = new List<IRenderable> { new Text($"{fileName}: {matrix.Total.ToString("N0", CultureInfo.InvariantCulture)} items, {analyzer}") };
        if (scoredBy.Count > 1)
        {
            parts.Add(new Text("scored by " + string.Join(", ", scoredBy.OrderByDescending(p => p.Value).Select(p => $"{p.Key} {p.Value.ToString("N0", CultureInfo.InvariantCulture)}"))));
        }

        var scores = new Table().Border(TableBorder.Rounded)
            .AddColumn("")
            .AddColumn(new TableColumn("accuracy").RightAligned())
            .AddColumn(new TableColumn("macro-F1").RightAligned())
            .AddColumn(new TableColumn("macro-recall").RightAligned());
        scores.AddRow(Cells("this run", matrix.Accuracy, matrix.MacroF1, matrix.MacroRecall));
        foreach (var baseline in baselines)
        {
            scores.AddRow(Cells($"{baseline.Analyzer} (published baseline)", baseline.Accuracy, baseline.MacroF1, baseline.MacroRecall));
        }

        parts.Add(scores);

        var confusion = new Table().Border(TableBorder.Rounded).Title("confusion matrix (rows: gold, columns: predicted)").AddColumn("");
        foreach (var label in ConfusionMatrix.Labels)
        {
            confusion.AddColumn(new TableColumn(Name(label)).RightAligned());
        }

        confusion.AddColumn(new TableColumn("recall").RightAligned());
        foreach (var gold in ConfusionMatrix.Labels)
        {
            confusion.AddRow([new Text(Name(gold)), .. ConfusionMatrix.Labels.Select(p => new Text(matrix[gold, p].ToString("N0", CultureInfo.InvariantCulture))), Score(matrix.Recall(gold))]);
        }

        confusion.AddRow([new Text("precision"), .. ConfusionMatrix.Labels.Select(p => Score(matrix.Precision(p))), new Text("")]);
        confusion.AddRow([new Text("F1"), .. ConfusionMatrix.Labels.Select(p => Score(matrix.F1(p))), new Text("")]);
        parts.Add(confusion);
        return new Rows(parts);
    }

    private static IRenderable[] Cells(string name, double accuracy, double macroF1, double macroRecall) =>
        [new Text(name), Score(accuracy), Score(macroF1), Score(macroRecall)];

    private static Text Score(double value) => new(value.ToString("F4", CultureInfo.InvariantCulture));

    private static string Name(SentimentLabel label) => label.ToString().ToLowerInvariant();
}
