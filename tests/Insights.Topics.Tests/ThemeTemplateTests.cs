namespace Insights.Topics.Tests;

using Insights.Generator;
using Insights.Sentiment;
using Insights.Topics.Text;

/// <summary>The generator's planted themes can only be recovered if each of their templates says what it is about.</summary>
public sealed class ThemeTemplateTests
{
    [Fact]
    public void Every_theme_template_keeps_a_topic_word_after_tokenizing()
    {
        var empty = Templates()
            .Where(p => TopicTokenizer.Tokenize(Fill(p.Template), "en").Count == 0)
            .Select(p => $"{p.Theme}: {p.Template}")
            .ToList();

        Assert.Empty(empty);
    }

    [Fact]
    public void Every_theme_template_reads_as_its_intended_sentiment()
    {
        // The pipeline's ground truth counts a themed comment under the label it was written with, so the analyzer
        // must read the template that way too.
        var analyzer = new LexiconSentimentAnalyzer();
        var wrong = Templates()
            .Select(p => (p.Theme, p.Label, p.Template, Read: analyzer.Analyze(Fill(p.Template)).Label))
            .Where(p => p.Read != p.Label)
            .Select(p => $"{p.Theme} {p.Label} read {p.Read}: {p.Template}")
            .ToList();

        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    [Fact]
    public void Every_theme_has_at_least_six_templates_per_sentiment()
    {
        foreach (var theme in AudienceThemes.All)
        {
            Assert.All(new[] { SentimentLabel.Positive, SentimentLabel.Neutral, SentimentLabel.Negative },
                label => Assert.True(theme.Templates(label).Length >= 6, $"{theme.Name} has {theme.Templates(label).Length} {label} templates"));
        }
    }

    private static IEnumerable<(string Theme, SentimentLabel Label, string Template)> Templates() =>
        AudienceThemes.All.SelectMany(theme => new[] { SentimentLabel.Positive, SentimentLabel.Neutral, SentimentLabel.Negative }
            .SelectMany(label => theme.Templates(label).Select(template => (theme.Name, label, template))));

    /// <summary>The slots as the generator fills them, with values that carry no sentiment.</summary>
    private static string Fill(string template) =>
        template.Replace("{n}", "3", StringComparison.Ordinal).Replace("{city}", "Lyon", StringComparison.Ordinal);
}
