namespace Insights.Sentiment.Tests.Learned;

using Insights.Sentiment.Learned;

/// <summary>How texts become hashed n-grams.</summary>
public sealed class NgramFeaturesTests
{
    private static readonly FeatureOptions Options = FeatureOptions.Default;

    private static string Normalized(string text) => NgramFeatures.Normalize(text);

    [Theory]
    [InlineData("Hello  World", " hello world ")]
    [InlineData("@someUSER so goood!!!!", " @ so good!! ")]
    [InlineData("look https://t.co/x1 now", " look http now ")]
    [InlineData("see www.example.com", " see http ")]
    [InlineData("http is a word here", " http is a word here ")]
    [InlineData("ÉTÉ Über", " été über ")]
    [InlineData("  a \t\n b  ", " a b ")]
    public void Texts_are_normalised_before_hashing(string text, string expected) =>
        Assert.Equal(expected, Normalized(text));

    [Fact]
    public void Anonymisations_of_users_and_links_give_the_same_features()
    {
        Assert.Equal(FeatureVector.Of("@user love it http", Options, new LexiconSentimentAnalyzer()).Indices,
            FeatureVector.Of("@Real_Name love it https://t.co/abc", Options, new LexiconSentimentAnalyzer()).Indices);
    }

    [Fact]
    public void Escapes_are_decoded_as_the_lexicon_decodes_them()
    {
        Assert.Equal(FeatureVector.Of("don’t & go", Options, new LexiconSentimentAnalyzer()).Indices,
            FeatureVector.Of("don\\u2019t &amp; go", Options, new LexiconSentimentAnalyzer()).Indices);
    }

    [Fact]
    public void Word_pairs_and_every_character_ngram_are_counted()
    {
        var sink = new CountingSink();
        NgramFeatures.Extract("ab cd", new FeatureOptions(16, 2, 3, 2, 0), ref sink);

        // " ab cd " (7 characters): words ab, cd and the pair; character 2-grams 6, 3-grams 5.
        Assert.Equal(3, sink.Words);
        Assert.Equal(11, sink.Chars);
    }

    [Fact]
    public void Long_words_also_count_by_their_prefix()
    {
        var options = new FeatureOptions(16, 0, 0, 1, 3);
        var sink = new CountingSink();
        NgramFeatures.Extract("ab odioso odiamos", options, ref sink);

        // Three words, two of them longer than 3 with the same prefix "odi"; no character n-grams.
        Assert.Equal(5, sink.Words);
        Assert.Equal(0, sink.Chars);
        var shared = FeatureVector.Of("odioso", options, new LexiconSentimentAnalyzer()).Indices
            .Intersect(FeatureVector.Of("odiamos", options, new LexiconSentimentAnalyzer()).Indices)
            .Where(i => i >= LexiconSignals.Count);
        Assert.Single(shared);
    }

    [Fact]
    public void Every_script_and_emoji_hashes_into_the_table()
    {
        foreach (var text in new[] { "مرحبا بالعالم", "नमस्ते दुनिया", "😍🔥 ok", new string('x', 5000) })
        {
            var vector = FeatureVector.Of(text, Options, new LexiconSentimentAnalyzer());
            Assert.NotEmpty(vector.Indices);
            Assert.All(vector.Indices, i => Assert.InRange(i, 0, FeatureVector.Dimension(Options) - 1));
            Assert.Equal(vector.Indices.Order(), vector.Indices);
        }
    }

    private struct CountingSink : IFeatureSink
    {
        public int Words;
        public int Chars;

        public void Word(int bucket) => Words++;

        public void Char(int bucket) => Chars++;
    }
}
