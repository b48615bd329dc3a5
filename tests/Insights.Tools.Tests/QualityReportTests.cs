namespace Insights.Tools.Tests;

using Insights.Sentiment;
using Insights.Sentiment.Evaluation;
using Insights.Tools.Quality;
using Spectre.Console.Testing;

/// <summary>The quality report of one file, as Spectre.Console tables.</summary>
public sealed class QualityReportTests
{
    private static string[][] Rows(string output) =>
        output.Split('\n')
            .Select(line => line.Split('│', StringSplitOptions.TrimEntries).Where(cell => cell.Length > 0).ToArray())
            .Where(cells => cells.Length > 1)
            .ToArray();

    [Fact]
    public void Shows_the_scores_beside_the_baselines_and_the_confusion_matrix_with_recall_precision_and_F1()
    {
        var matrix = ConfusionMatrix.Of(
            [SentimentLabel.Positive, SentimentLabel.Positive, SentimentLabel.Negative, SentimentLabel.Neutral],
            [SentimentLabel.Positive, SentimentLabel.Neutral, SentimentLabel.Negative, SentimentLabel.Neutral]);
        var console = new TestConsole().Width(150);

        console.Write(QualityReport.Create("tweets.tsv", "lexicon/1, 3 ms", matrix, [new Baseline("tweets.tsv", "VADER", 0.5, 0.4, 0.45)], new Dictionary<string, int> { ["lexicon/1"] = 4 }));

        var output = console.Output;
        Assert.StartsWith("tweets.tsv: 4 items, lexicon/1, 3 ms", output, StringComparison.Ordinal);
        var rows = Rows(output);
        Assert.Contains(["this run", "0.7500", matrix.MacroF1.ToString("F4", System.Globalization.CultureInfo.InvariantCulture), "0.8333"], rows);
        Assert.Contains(["VADER (published baseline)", "0.5000", "0.4000", "0.4500"], rows);
        Assert.Contains(["negative", "neutral", "positive", "recall"], rows);
        Assert.Contains(["positive", "0", "1", "1", "0.5000"], rows);
        Assert.Contains(["precision", "1.0000", "0.5000", "1.0000"], rows);
        Assert.Contains("confusion matrix (rows: gold, columns: predicted)", output, StringComparison.Ordinal);
        Assert.DoesNotContain("scored by", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Says_which_analyzers_scored_when_more_than_one_did()
    {
        var console = new TestConsole().Width(150);

        console.Write(QualityReport.Create("f.tsv", "azure", ConfusionMatrix.Of([SentimentLabel.Neutral], [SentimentLabel.Neutral]), [], new Dictionary<string, int> { ["azure-language/2023-04-01"] = 9, ["lexicon/1"] = 1 }));

        Assert.Contains("scored by azure-language/2023-04-01 9, lexicon/1 1", console.Output, StringComparison.Ordinal);
    }
}
