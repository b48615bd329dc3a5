namespace Insights.Topics.Tests;

using Insights.Topics.Text;

public sealed class TopicTokenizerTests
{
    [Fact]
    public void Drops_urls_mentions_emoji_numbers_and_chatter()
    {
        var tokens = TopicTokenizer.Tokenize("@sam_kelly.99 check https://shop.example/x?id=3 the PACKAGE 📦📦 came in 12 days!!! #fyp lol", "en");

        // "days" folds to "day", a stop word.
        Assert.Equal(["check", "package", "came"], tokens);
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

    [Fact]
    public void English_plurals_fold_to_the_singular_other_languages_keep_theirs()
    {
        Assert.Equal(["refund", "email", "delivery", "box"], TopicTokenizer.Tokenize("refunds emails deliveries boxes", "en"));
        Assert.Equal(["semanas"], TopicTokenizer.Tokenize("semanas", "es"));
    }

    [Theory]
    [InlineData("emails", "email")]
    [InlineData("deliveries", "delivery")]
    [InlineData("matches", "match")]
    [InlineData("glasses", "glass")]
    [InlineData("sizes", "size")]
    [InlineData("giveaways", "giveaway")]
    [InlineData("prizes", "prize")]
    [InlineData("glass", "glass")]
    [InlineData("status", "status")]
    [InlineData("analysis", "analysis")]
    [InlineData("gorgeous", "gorgeous")]
    [InlineData("yes", "yes")]
    [InlineData("song", "song")]
    public void Plurals_fold_by_suffix(string word, string singular) => Assert.Equal(singular, EnglishPlurals.Singular(word));
}
