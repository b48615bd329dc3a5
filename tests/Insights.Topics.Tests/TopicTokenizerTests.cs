namespace Insights.Topics.Tests;

using Insights.Topics.Text;

public sealed class TopicTokenizerTests
{
    [Fact]
    public void Drops_urls_mentions_emoji_numbers_and_chatter()
    {
        var tokens = TopicTokenizer.Tokenize("@sam_kelly.99 check https://shop.example/x?id=3 the PACKAGE 📦📦 came in 12 days!!! #fyp lol", "en");

        Assert.Equal(["check", "package", "came", "days"], tokens);
    }

    [Fact]
    public void Keeps_hashtag_words_and_collapses_elongations()
    {
        var tokens = TopicTokenizer.Tokenize("#MangoFlavour shippinggggg sooooo", "en");

        Assert.Equal(["mangoflavour", "shipping"], tokens);
    }

    [Fact]
    public void Keeps_doubled_letters_of_real_spelling()
    {
        Assert.Equal(["coffee", "delivery"], TopicTokenizer.Tokenize("coffee delivery", "en"));
    }

    [Fact]
    public void Drops_opinion_words_so_topics_do_not_split_by_sentiment()
    {
        var tokens = TopicTokenizer.Tokenize("the flavour is amazing", "en");

        Assert.Equal(["flavour"], tokens);
    }

    [Fact]
    public void Spanish_comments_lose_their_stop_words_and_keep_accents()
    {
        var tokens = TopicTokenizer.Tokenize("El envío a Madrid está tardando, pedí hace dos semanas", "es");

        Assert.Contains("envío", tokens);
        Assert.Contains("madrid", tokens);
        Assert.Contains("semanas", tokens);
        Assert.DoesNotContain("el", tokens);
        Assert.DoesNotContain("está", tokens);
    }

    [Fact]
    public void Hindi_comments_keep_Devanagari_words_with_their_vowel_signs()
    {
        var tokens = TopicTokenizer.Tokenize("मेरा पैकेज अभी तक नहीं आया है", "hi");

        Assert.Contains("पैकेज", tokens);
        Assert.Contains("आया", tokens);
        Assert.DoesNotContain("मेरा", tokens);
        Assert.DoesNotContain("नहीं", tokens);
        Assert.DoesNotContain("है", tokens);
    }

    [Fact]
    public void Romanized_hindi_function_words_are_stop_words()
    {
        var tokens = TopicTokenizer.Tokenize("bhai ye gaana kya hai", "hi");

        Assert.Equal(["gaana"], tokens);
    }

    [Theory]
    [InlineData("😍😍🔥🔥")]
    [InlineData("@jane_doe @bob.smith")]
    [InlineData("https://example.com www.example.com")]
    [InlineData("123 456 !!!")]
    [InlineData("")]
    public void Comments_without_words_give_no_tokens(string text)
    {
        Assert.Empty(TopicTokenizer.Tokenize(text, "en"));
    }

    [Fact]
    public void An_unknown_language_still_drops_english_stop_words()
    {
        Assert.Equal(["shipping"], TopicTokenizer.Tokenize("the shipping", "xx"));
    }
}
