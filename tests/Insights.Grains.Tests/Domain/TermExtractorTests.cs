namespace Insights.Grains.Tests.Domain;

using Insights.Grains.Domain;

public class TermExtractorTests
{
    private static List<(string Term, bool Hashtag)> Extract(string text)
    {
        var terms = new List<(string, bool)>();
        TermExtractor.Extract(text, (t, h) => terms.Add((t.ToString(), h)));
        return terms;
    }

    [Fact]
    public void Lowercases_words_and_drops_stop_words_and_short_words()
    {
        Assert.Equal([("great", false), ("video", false)], Extract("The GREAT video, so ok"));
    }

    [Fact]
    public void Reads_hashtags_separately()
    {
        Assert.Equal([("love", false), ("fyp", true), ("dance", true)], Extract("love it #fyp #Dance"));
    }

    [Fact]
    public void Copes_with_emoji_punctuation_and_numbers()
    {
        Assert.Equal([("fire", false)], Extract("🔥🔥 fire!!! 2026 #"));
    }
}
