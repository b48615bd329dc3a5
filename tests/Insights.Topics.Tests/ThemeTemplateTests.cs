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
        var empty = AudienceThemes.All
            .SelectMany(theme => new[] { SentimentLabel.Positive, SentimentLabel.Neutral, SentimentLabel.Negative }
                .SelectMany(label => theme.Templates(label)).Select(template => (theme.Name, template)))
            .Where(p => TopicTokenizer.Tokenize(p.template.Replace("{n}", "3", StringComparison.Ordinal).Replace("{city}", "", StringComparison.Ordinal), "en").Count == 0)
            .Select(p => $"{p.Name}: {p.template}")
            .ToList();

        Assert.Empty(empty);
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
}
