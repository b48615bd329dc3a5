namespace Insights.Sentiment.Tests;

/// <summary>The grammar rules, each checked on small contrasting examples.</summary>
public sealed class RuleTests
{
    private static readonly LexiconSentimentAnalyzer Analyzer = new();

    private static double Score(string text) => Analyzer.Analyze(text).Score;

    private static SentimentLabel Label(string text) => Analyzer.Analyze(text).Label;

    [Theory]
    [InlineData("this video is good")]
    [InlineData("i love this song")]
    [InlineData("what a great idea")]
    [InlineData("best video ever")]
    public void Plain_positive_sentences_are_positive(string text) => Assert.Equal(SentimentLabel.Positive, Label(text));

    [Theory]
    [InlineData("this video is bad")]
    [InlineData("i hate this song")]
    [InlineData("what a terrible idea")]
    [InlineData("worst video ever")]
    public void Plain_negative_sentences_are_negative(string text) => Assert.Equal(SentimentLabel.Negative, Label(text));

    [Theory]
    [InlineData("this video is not good")]
    [InlineData("this video isn't good")]
    [InlineData("this video isnt good")]
    [InlineData("this video is not a good one")]
    [InlineData("i don't think it's good")]
    [InlineData("i dont love it")]
    [InlineData("I don’t like it")]
    [InlineData("never been happy with this app")]
    [InlineData("it ain't funny")]
    public void Negation_flips_a_positive_word(string text) => Assert.Equal(SentimentLabel.Negative, Label(text));

    [Fact]
    public void Negation_dampens_as_well_as_flips()
    {
        Assert.True(Score("not good") > Score("bad"), "\"not good\" should be milder than \"bad\"");
        Assert.True(Score("not terrible") > 0, "\"not terrible\" leans positive");
        Assert.True(Score("not terrible") < Score("great"), "\"not terrible\" is far from \"great\"");
    }

    [Fact]
    public void Negation_has_a_limited_reach_and_stops_at_the_clause()
    {
        Assert.Equal(SentimentLabel.Positive, Label("no, this is good"));
        Assert.Equal(SentimentLabel.Positive, Label("i did not expect the ending to be this good"));
    }

    [Theory]
    [InlineData("not bad at all", SentimentLabel.Positive)]
    [InlineData("no problem", SentimentLabel.Positive)]
    [InlineData("can't wait for part 2", SentimentLabel.Positive)]
    [InlineData("cant wait for part 2", SentimentLabel.Positive)]
    [InlineData("total waste of time", SentimentLabel.Negative)]
    [InlineData("not a fan", SentimentLabel.Negative)]
    [InlineData("i'm not sure", SentimentLabel.Neutral)]
    public void Phrases_are_scored_as_a_whole(string text, SentimentLabel expected) => Assert.Equal(expected, Label(text));

    [Fact]
    public void Contrast_makes_the_clause_after_but_count_more()
    {
        Assert.Equal(SentimentLabel.Negative, Label("the song is great but the video is terrible"));
        Assert.Equal(SentimentLabel.Positive, Label("the video is terrible but the song is great"));
        Assert.Equal(SentimentLabel.Positive, Label("the intro was boring, however the rest was amazing"));
    }

    [Fact]
    public void Concession_makes_the_conceded_clause_count_less()
    {
        Assert.Equal(SentimentLabel.Positive, Label("although the start was boring, the ending was amazing"));
        Assert.Equal(SentimentLabel.Positive, Label("the ending was amazing, even though the start was boring"));
    }

    [Fact]
    public void Boosters_and_dampeners_scale_the_next_word()
    {
        Assert.True(Score("very good") > Score("good"));
        Assert.True(Score("extremely good") > Score("very good"));
        Assert.True(Score("kinda good") < Score("good"));
        Assert.True(Score("slightly good") < Score("kinda good"));
        Assert.True(Score("barely good") < Score("slightly good"));
        Assert.True(Score("so bad") < Score("bad"));
        Assert.True(Score("highkey amazing") > Score("amazing"));
        Assert.True(Score("super cute") > Score("cute"));
        Assert.True(Score("cute af") > Score("cute"));
    }

    [Fact]
    public void Capitals_emphasise_a_word_unless_the_whole_text_shouts()
    {
        Assert.True(Score("this is SO GOOD") > Score("this is so good"));
        Assert.True(Score("i LOVE it") > Score("i love it"));
        Assert.Equal(Score("this is so good"), Score("THIS IS SO GOOD"), precision: 12);
    }

    [Fact]
    public void Exclamation_marks_strengthen_and_question_marks_weaken()
    {
        Assert.True(Score("good!!!") > Score("good!"));
        Assert.True(Score("good!") > Score("good"));
        Assert.Equal(Score("good!!!!"), Score("good!!!!!!!!!!"), precision: 12);
        Assert.True(Score("is it good?") < Score("it is good"));
        Assert.True(Score("is it bad?") > Score("it is bad"));
    }

    [Fact]
    public void Elongated_words_are_recognised_and_slightly_stronger()
    {
        Assert.Equal(SentimentLabel.Positive, Label("sooo goood"));
        Assert.True(Score("sooo goood") > Score("so good"));
        Assert.True(Score("loooove this") > Score("love this"));
        Assert.Equal(SentimentLabel.Positive, Label("yesss queen"));
        Assert.Equal(SentimentLabel.Negative, Label("this is baaaad"));
        Assert.Equal(SentimentLabel.Positive, Label("cuteee"));
    }

    [Theory]
    [InlineData("hahaha")]
    [InlineData("hahahahahahahaha")]
    [InlineData("ahahah")]
    [InlineData("lmaooooo")]
    [InlineData("lololol")]
    [InlineData("LMFAO")]
    [InlineData("haha nice")]
    public void Laughter_is_positive(string text) => Assert.Equal(SentimentLabel.Positive, Label(text));

    [Fact]
    public void Laughter_is_not_negated_and_light_laughter_is_weak()
    {
        Assert.True(Score("not haha") > 0);
        Assert.True(Score("lol") > 0);
        Assert.True(Score("lol") < Score("lmao"));
    }

    [Theory]
    [InlineData("😍")]
    [InlineData("🔥🔥🔥")]
    [InlineData("😂")]
    [InlineData("🤣🤣")]
    [InlineData("💀💀")]
    [InlineData("❤️")]
    [InlineData("❤")]
    [InlineData("👏🏽👏🏽")]
    [InlineData("🙌")]
    [InlineData("💯")]
    [InlineData("✨ iconic ✨")]
    [InlineData("this 🐐")]
    public void Positive_emoji_are_positive(string text) => Assert.Equal(SentimentLabel.Positive, Label(text));

    [Theory]
    [InlineData("😡")]
    [InlineData("🤮")]
    [InlineData("👎")]
    [InlineData("🙄")]
    [InlineData("😒")]
    [InlineData("💔")]
    [InlineData("this is so annoying 😤")]
    public void Negative_emoji_are_negative(string text) => Assert.Equal(SentimentLabel.Negative, Label(text));

    [Fact]
    public void Variation_selectors_and_skin_tones_do_not_change_an_emoji()
    {
        Assert.Equal(Score("❤"), Score("❤️"), precision: 12);
        Assert.Equal(Score("👏"), Score("👏🏿"), precision: 12);
        Assert.Equal(Score("👍"), Score("👍🏻"), precision: 12);
    }

    [Fact]
    public void Repeated_emoji_add_less_each_time()
    {
        var one = Score("😂");
        var three = Score("😂😂😂");
        Assert.True(three > one);
        Assert.True(three < Score("😂 😂 😂") + 1e-9);
    }

    [Fact]
    public void Crying_emoji_amplifies_the_sentence()
    {
        Assert.True(Score("this is so cute 😭") > Score("this is so cute"));
        Assert.True(Score("i hate this 😭") < Score("i hate this"));
    }

    [Theory]
    [InlineData(":)", SentimentLabel.Positive)]
    [InlineData(":-)", SentimentLabel.Positive)]
    [InlineData(":D", SentimentLabel.Positive)]
    [InlineData("<3", SentimentLabel.Positive)]
    [InlineData("&lt;3", SentimentLabel.Positive)]
    [InlineData("xD", SentimentLabel.Positive)]
    [InlineData("see you soon ;)", SentimentLabel.Positive)]
    [InlineData(":(", SentimentLabel.Negative)]
    [InlineData(":'(", SentimentLabel.Negative)]
    [InlineData("meh :/", SentimentLabel.Negative)]
    [InlineData("</3", SentimentLabel.Negative)]
    [InlineData("we meet at 10:30", SentimentLabel.Neutral)]
    [InlineData("see http://example.com/page", SentimentLabel.Neutral)]
    public void Emoticons_are_recognised_between_word_boundaries(string text, SentimentLabel expected) => Assert.Equal(expected, Label(text));

    [Theory]
    [InlineData("this slaps")]
    [InlineData("she ate")]
    [InlineData("she ate that")]
    [InlineData("no cap this is fire")]
    [InlineData("this is fire 🔥")]
    [InlineData("bussin fr")]
    [InlineData("goated")]
    [InlineData("the GOAT")]
    [InlineData("huge W")]
    [InlineData("W")]
    [InlineData("im dead 💀")]
    [InlineData("i'm dead")]
    [InlineData("slay")]
    [InlineData("lowkey obsessed with this")]
    [InlineData("that's so based")]
    [InlineData("10/10")]
    [InlineData("this hits different")]
    [InlineData("yasss")]
    public void Positive_slang_is_positive(string text) => Assert.Equal(SentimentLabel.Positive, Label(text));

    [Theory]
    [InlineData("that's mid")]
    [InlineData("kinda mid ngl")]
    [InlineData("so cringe")]
    [InlineData("the ick")]
    [InlineData("took the L")]
    [InlineData("L")]
    [InlineData("ratio")]
    [InlineData("that's cap")]
    [InlineData("2/10")]
    [InlineData("red flag")]
    [InlineData("he is dead")]
    public void Negative_slang_is_negative(string text) => Assert.Equal(SentimentLabel.Negative, Label(text));

    [Theory]
    [InlineData("the fire alarm went off")]
    [InlineData("based on the book")]
    [InlineData("she ate pizza for lunch")]
    [InlineData("a goat cheese salad")]
    [InlineData("mid season finale tonight")]
    [InlineData("George W. Bush")]
    [InlineData("people like you")]
    [InlineData("it looks like rain")]
    [InlineData("no cap")]
    [InlineData("pretty much")]
    public void Slang_words_in_their_plain_sense_are_neutral(string text) => Assert.Equal(SentimentLabel.Neutral, Label(text));

    [Fact]
    public void Emphasis_markers_strengthen_the_sentence()
    {
        Assert.True(Score("this is good fr") > Score("this is good"));
        Assert.True(Score("no cap this is good") > Score("this is good"));
        Assert.True(Score("that's iconic periodt") > Score("that's iconic"));
        Assert.True(Score("this is trash deadass") < Score("this is trash"));
    }

    [Fact]
    public void A_booster_before_a_sentiment_word_is_not_scored_itself()
    {
        Assert.True(Score("pretty good") > Score("good"));
        Assert.Equal(SentimentLabel.Positive, Label("she is so pretty"));
        Assert.True(Score("damn good") > Score("good"));
        Assert.Equal(SentimentLabel.Negative, Label("damn."));
    }

    [Fact]
    public void Conditional_clauses_count_less()
    {
        Assert.True(Score("if you are interested, it is good") < Score("you are interested, it is good") + 1e-9);
        Assert.True(Score("if it is good") < Score("it is good"));
    }

    [Fact]
    public void Sentiment_words_inside_names_count_less()
    {
        Assert.Equal(SentimentLabel.Neutral, Label("watching Star Wars tonight"));
        Assert.Equal(SentimentLabel.Neutral, Label("tickets for the Bad Blood tour"));
    }

    [Theory]
    [InlineData("NOOOOO")]
    [InlineData("no!")]
    public void A_shouted_no_is_negative(string text) => Assert.Equal(SentimentLabel.Negative, Label(text));

    [Theory]
    [InlineData("F*** this")]
    [InlineData("what the f**k")]
    [InlineData("this is sh*t")]
    public void Censored_swearing_is_negative(string text) => Assert.Equal(SentimentLabel.Negative, Label(text));

    [Theory]
    [InlineData("𝐠𝐨𝐨𝐝 𝐯𝐢𝐝𝐞𝐨")]
    [InlineData("𝓁𝑜𝓋𝑒 𝒾𝓉")]
    [InlineData("ｇｏｏｄ ｖｉｄｅｏ")]
    [InlineData("#blessed")]
    public void Styled_letters_and_hashtags_are_read_as_words(string text) => Assert.Equal(SentimentLabel.Positive, Label(text));

    [Fact]
    public void Escaped_text_is_decoded()
    {
        Assert.Equal(SentimentLabel.Negative, Label(@"I won\u2019t like it"));
        Assert.Equal(SentimentLabel.Negative, Label("I won&#39;t like it"));
        Assert.Equal(Score("this &amp; that is good"), Score("this & that is good"), precision: 12);
    }

    [Fact]
    public void Mentions_and_links_carry_no_sentiment()
    {
        Assert.Equal(SentimentLabel.Neutral, Label("@lovely_user https://sad.example/terrible"));
        Assert.Equal(Score("great video"), Score("@user great video https://www.example.com/awful"), precision: 12);
    }

    [Fact]
    public void Inflections_are_found_through_their_stem()
    {
        Assert.Equal(SentimentLabel.Positive, Label("she smiled"));
        Assert.Equal(SentimentLabel.Negative, Label("it ruined everything"));
        Assert.Equal(SentimentLabel.Negative, Label("sadly it failed"));
        Assert.Equal(SentimentLabel.Positive, Label("lovin it"));
        Assert.Equal(SentimentLabel.Positive, Label("the happiest day"));
    }
}
