namespace Insights.Sentiment.Tests;

using Insights.Sentiment.Lexicon;

/// <summary>The lexicon data builds, has the expected size, and authoring mistakes are rejected.</summary>
public sealed class LexiconTests
{
    [Fact]
    public void The_default_lexicon_builds_with_words_phrases_emoji_and_emoticons()
    {
        var lexicon = SentimentLexicon.Default;
        Assert.InRange(lexicon.WordCount, 1000, 5000);
        Assert.True(lexicon.MaxPhraseWords >= 3);
        Assert.True(lexicon.TryGetEmoji(0x1F525, out var fire) && fire.Valence > 0);
        Assert.True(lexicon.TryGetEmoji(0x2764, out var heart) && heart.Valence > 0);
        Assert.True(lexicon.TryGetEmoticon(":)", out var smile) && smile.Valence > 0);
        Assert.True(lexicon.TryGetPhrase("no cap", out var noCap) && noCap.Has(WordRoles.Emphasis));
        Assert.True(lexicon.TryGetPhrase("cant wait", out var cantWait) && cantWait.Valence > 0, "apostrophe-free variants are added");
        Assert.True(lexicon.TryGetWord("dont", out var dont) && dont.Has(WordRoles.Negator));
        Assert.True(lexicon.TryGetWord("no", out var no) && no.Has(WordRoles.PhraseStart) && no.Has(WordRoles.Negator));
    }

    [Fact]
    public void Valences_stay_on_the_four_point_scale()
    {
        Assert.Throws<FormatException>(() => new LexiconBuilder().AddWords("4.5: ecstatic"));
        Assert.Throws<FormatException>(() => new LexiconBuilder().AddWords("boost 9: very"));
    }

    [Theory]
    [InlineData("2: good\n-2: good")]
    [InlineData("2: Good")]
    [InlineData("2: well-done")]
    [InlineData("good nice")]
    [InlineData("context NoSuchRule 2: fire")]
    public void Authoring_mistakes_are_rejected(string data) =>
        Assert.ThrowsAny<Exception>(() => new LexiconBuilder().AddWords(data));

    [Fact]
    public void Roles_of_the_same_word_merge()
    {
        var lexicon = new LexiconBuilder()
            .AddWords("negate: no\nfunction: no\n1: no_problem")
            .AddEmoji("2: 😀")
            .AddEmoticons("2: :)")
            .Build();
        Assert.True(lexicon.TryGetWord("no", out var no));
        Assert.True(no.Has(WordRoles.Negator) && no.Has(WordRoles.FunctionWord) && no.Has(WordRoles.PhraseStart));
    }

    [Fact]
    public void Emoji_keys_ignore_variation_selectors_and_skin_tones_and_must_be_single()
    {
        var lexicon = new LexiconBuilder().AddWords("1: ok").AddEmoji("2: 👍🏽\n3: ❤️").AddEmoticons("1: :)").Build();
        Assert.True(lexicon.TryGetEmoji(0x1F44D, out var thumbs) && thumbs.Valence == 2f);
        Assert.True(lexicon.TryGetEmoji(0x2764, out var heart) && heart.Valence == 3f);
        Assert.Throws<FormatException>(() => new LexiconBuilder().AddEmoji("2: 😀😀"));
        Assert.Throws<FormatException>(() => new LexiconBuilder().AddEmoji("2: ab"));
    }

    [Fact]
    public void Foreign_function_words_never_override_english_entries()
    {
        var lexicon = new LexiconBuilder().AddWords("2: fine\nforeign: fine es").AddEmoji("1: 😀").AddEmoticons("1: :)").Build();
        Assert.True(lexicon.TryGetWord("fine", out var fine) && !fine.Has(WordRoles.ForeignWord) && fine.Valence == 2f);
        Assert.True(lexicon.TryGetWord("es", out var es) && es.Has(WordRoles.ForeignWord));
    }
}
