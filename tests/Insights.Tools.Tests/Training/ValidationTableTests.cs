namespace Insights.Tools.Tests.Training;

using Insights.Sentiment;
using Insights.Sentiment.Evaluation;
using Insights.Tools.Training;
using Spectre.Console.Testing;

/// <summary>The per-language table of <c>insights quality</c> and <c>insights sentiment train</c>.</summary>
public sealed class ValidationTableTests
{
    [Fact]
    public async Task Each_language_shows_both_analyzers_macro_f1_and_recall()
    {
        LabelledText Item(SentimentLabel label, string text) => new(label, text, 1);
        var sets = new[]
        {
            new LanguageValidation("en", "tweeteval_val.tsv", [Item(SentimentLabel.Positive, "I love this, amazing"), Item(SentimentLabel.Negative, "this is terrible and boring")], 3),
            new LanguageValidation("de", null, [Item(SentimentLabel.Positive, "super")], 0),
        };
        var console = new TestConsole().Width(120);

        console.Write(await ValidationTable.CreateAsync(sets, new LexiconSentimentAnalyzer(), new LexiconSentimentAnalyzer(), CancellationToken.None));

        var lines = console.Output.Split('\n');
        var english = Assert.Single(lines, l => l.Contains("en tweeteval_val", StringComparison.Ordinal));
        Assert.Contains("2 (-3)", english, StringComparison.Ordinal);
        Assert.Contains("0.6667", english, StringComparison.Ordinal); // two of three classes right: macro-F1 and -recall 2/3
        Assert.Contains("not held-out test", console.Output, StringComparison.Ordinal);
        Assert.Contains(LexiconSentimentAnalyzer.AnalyzerName, console.Output, StringComparison.Ordinal);
    }
}
