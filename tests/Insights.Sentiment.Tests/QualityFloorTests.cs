using Insights.Sentiment.Evaluation;
using Insights.Sentiment.Tests.Support;
using Xunit.Abstractions;

namespace Insights.Sentiment.Tests;

/// <summary>
/// Guards the quality reached on the development files against regressions: each file must keep its macro-F1
/// within 0.02 of the level measured when the floor was set. For reference, VADER reaches 0.5602
/// (tweeteval_val) and 0.6898 (vader_tweets). Raise a floor when the analyzer improves; never fit single lines.
/// </summary>
public sealed class QualityFloorTests(ITestOutputHelper output)
{
    /// <summary>Macro-F1 reached by lexicon/1, and the floor 0.02 below it.</summary>
    private static readonly Dictionary<string, double> Reached = new()
    {
        ["tweeteval_val.tsv"] = 0.6458,
        ["vader_tweets.tsv"] = 0.7438,
    };

    private const double AllowedDrop = 0.02;

    /// <summary>Files added to the folder later have no measured level yet; they must at least beat chance clearly.</summary>
    private const double FloorForNewFiles = 0.5;

    private static readonly LexiconSentimentAnalyzer Analyzer = new();

    [Theory]
    [InlineData("tweeteval_val.tsv")]
    [InlineData("vader_tweets.tsv")]
    public void Known_dev_file_keeps_its_macro_f1(string fileName)
    {
        var metrics = Evaluate(fileName);
        var floor = Reached[fileName] - AllowedDrop;
        Assert.True(metrics.MacroF1 >= floor, $"{fileName}: macro-F1 {metrics.MacroF1:F4} fell below the floor {floor:F4}.");
    }

    [Fact]
    public void Every_dev_file_in_the_folder_meets_a_floor()
    {
        var files = Directory.GetFiles(DevData.Directory, "*.tsv");
        Assert.NotEmpty(files);
        foreach (var path in files)
        {
            var fileName = Path.GetFileName(path);
            var floor = Reached.TryGetValue(fileName, out var reached) ? reached - AllowedDrop : FloorForNewFiles;
            var metrics = Evaluate(fileName);
            Assert.True(metrics.MacroF1 >= floor, $"{fileName}: macro-F1 {metrics.MacroF1:F4} is below {floor:F4}.");
        }
    }

    private ConfusionMatrix Evaluate(string fileName)
    {
        var rows = DevData.Read(fileName);
        var metrics = new ConfusionMatrix();
        foreach (var row in rows)
        {
            metrics.Add(row.Gold, Analyzer.Analyze(row.Text).Label);
        }

        output.WriteLine($"{fileName}: {rows.Count} items, accuracy {metrics.Accuracy:F4}, macro-F1 {metrics.MacroF1:F4}, macro-recall {metrics.MacroRecall:F4}");
        return metrics;
    }
}
