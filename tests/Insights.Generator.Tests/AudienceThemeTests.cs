namespace Insights.Generator.Tests;

using System.Text.Json;
using Insights.Sentiment;
using Insights.Wire;

/// <summary>The planted audience themes: how many comments get one, and how the truth counts them.</summary>
public class AudienceThemeTests
{
    [Fact]
    public void About_half_the_comments_are_on_a_theme_by_default_and_every_theme_occurs()
    {
        var d = Datasets.Default;

        // Binomial with n = 20,000 and p = 0.5: the standard deviation is 0.35 points; allow 2.
        Assert.InRange(d.CommentThemes.Count / (double)d.Comments.Count, 0.48, 0.52);
        Assert.Equal(AudienceThemes.All.Select(t => t.Name).Order(StringComparer.Ordinal), d.CommentThemes.Values.Distinct().Order(StringComparer.Ordinal));
        Assert.All(d.Comments, c => Assert.Equal(c.Theme, d.CommentThemes.GetValueOrDefault(c.Id)));
    }

    [Fact]
    public void A_theme_rate_of_zero_plants_none_and_one_plants_every_comment()
    {
        var none = DatasetGenerator.Generate(Datasets.Small() with { ThemeRate = 0 });
        var all = DatasetGenerator.Generate(Datasets.Small() with { ThemeRate = 1 });

        Assert.Empty(none.CommentThemes);
        Assert.All(none.Comments, c => Assert.Null(c.Theme));
        Assert.Empty(none.Truth.Themes!);
        Assert.Equal(all.Comments.Count, all.CommentThemes.Count);
    }

    [Fact]
    public void Themes_lean_toward_the_sentiment_they_draw()
    {
        var d = Datasets.Default;
        double NegativeShare(string theme) =>
            d.Comments.Where(c => c.Theme == theme).Count(c => c.Label == SentimentLabel.Negative) / (double)d.Comments.Count(c => c.Theme == theme);

        // Shipping delays draw complaints, a giveaway cheer (AudienceThemes' weights).
        Assert.True(NegativeShare("shipping delays") > 2 * NegativeShare("giveaway"));
    }

    [Fact]
    public void A_themed_comment_is_written_from_its_theme_templates()
    {
        var d = Datasets.Default;
        var shipping = d.Comments.Where(c => c.Theme == "shipping delays").Select(c => c.Text.ToLowerInvariant()).ToList();
        var song = d.Comments.Where(c => c.Theme == "the song").Select(c => c.Text.ToLowerInvariant()).ToList();

        Assert.True(shipping.Count(t => t.Contains("ship") || t.Contains("package") || t.Contains("order") || t.Contains("deliver")) > shipping.Count * 0.9);
        Assert.True(song.Count(t => t.Contains("song")) > song.Count * 0.8);
    }

    [Fact]
    public void The_truth_counts_distinct_comments_per_theme()
    {
        var d = DatasetGenerator.Generate(Datasets.Small() with { DuplicateRate = 0.2 });
        var expected = d.Events
            .Where(e => e.Event.Type == WireFields.TypeComment)
            .Select(e => e.Event.Id!).Distinct()
            .Where(d.CommentThemes.ContainsKey)
            .GroupBy(id => d.CommentThemes[id])
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => KeyValuePair.Create(g.Key, (long)g.Count()));

        Assert.Equal(expected, d.Truth.Themes!);

        // Of a subset, only its comments.
        var half = d.Events.Where(e => e.Index % 2 == 0).ToList();
        var subset = d.TruthOf(half);
        Assert.Equal(
            half.Where(e => e.Event.Type == WireFields.TypeComment).Select(e => e.Event.Id!).Distinct().Count(d.CommentThemes.ContainsKey),
            subset.Themes!.Values.Sum());
    }

    [Fact]
    public void The_truth_json_lists_themes_and_reads_back()
    {
        var truth = DatasetGenerator.Generate(Datasets.Small()).Truth;

        var json = truth.ToJson();
        using var doc = JsonDocument.Parse(json);
        var themes = doc.RootElement.GetProperty("themes");

        Assert.Equal(truth.Themes!.Count, themes.EnumerateObject().Count());
        Assert.Equal(truth.Themes["price"], themes.GetProperty("price").GetInt64());
        Assert.Equal(truth, GroundTruth.FromJson(json));
        Assert.NotEqual(truth, GroundTruth.FromJson(json) with { Themes = null });
    }

    [Fact]
    public void A_truth_without_themes_reads_back_without_them()
    {
        var truth = DatasetGenerator.Generate(Datasets.Small()).Truth with { Themes = null };

        var json = truth.ToJson();

        Assert.DoesNotContain("\"themes\"", json, StringComparison.Ordinal);
        Assert.Null(GroundTruth.FromJson(json).Themes);
    }
}
