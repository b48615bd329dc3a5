namespace Insights.Grains.Tests.Videos;

using Insights.Grains.Videos;
using Insights.Sentiment;

/// <summary>How comments become processed-zone rows: cleaned text and the label's spelling.</summary>
public sealed class LakeRowsTests
{
    [Theory]
    [InlineData("clean text", "clean text")]
    [InlineData("", "")]
    [InlineData("  padded  ", "padded")]
    [InlineData("two  spaces", "two spaces")]
    [InlineData("tab\there", "tab here")]
    [InlineData("line\r\nbreak", "line break")]
    [InlineData("non\u00a0breaking", "non breaking")]
    [InlineData(" ", "")]
    public void Clean_trims_and_collapses_white_space_to_single_spaces(string text, string expected) =>
        Assert.Equal(expected, LakeRows.Clean(text));

    [Fact]
    public void A_clean_text_is_kept_as_it_is_without_a_copy()
    {
        var text = "already clean, nothing to do 🎉";

        Assert.Same(text, LakeRows.Clean(text));
    }

    [Theory]
    [InlineData(SentimentLabel.Positive, "positive")]
    [InlineData(SentimentLabel.Neutral, "neutral")]
    [InlineData(SentimentLabel.Negative, "negative")]
    public void Labels_are_spelled_in_lower_case(SentimentLabel label, string expected) =>
        Assert.Equal(expected, LakeRows.LabelName(label));
}
