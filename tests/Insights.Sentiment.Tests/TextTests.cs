namespace Insights.Sentiment.Tests;

using Insights.Sentiment.Text;

/// <summary>The text helpers: elongation, laughter, decoding, tokenizing.</summary>
public sealed class TextTests
{
    [Theory]
    [InlineData("goooood", 2, "good")]
    [InlineData("sooo", 1, "so")]
    [InlineData("loooove", 1, "love")]
    [InlineData("good", 1, "good")]
    [InlineData("1000", 1, "1000")]
    public void Elongation_collapses_runs_of_three_or_more(string word, int keep, string expected)
    {
        var buffer = new char[word.Length];
        var length = Elongation.Collapse(word, buffer, keep);
        Assert.Equal(expected, new string(buffer, 0, length));
    }

    [Theory]
    [InlineData("haha", true)]
    [InlineData("ahahahah", true)]
    [InlineData("hehehe", true)]
    [InlineData("bwahaha", true)]
    [InlineData("jajaja", true)]
    [InlineData("lolol", true)]
    [InlineData("kkkkk", true)]
    [InlineData("kkk", false)]
    [InlineData("hah", false)]
    [InlineData("hahj", false)]
    [InlineData("hello", false)]
    [InlineData("aha", false)]
    public void Laughter_patterns(string word, bool expected) => Assert.Equal(expected, Laughter.IsLaughter(word));

    [Theory]
    [InlineData("a &amp; b", "a & b")]
    [InlineData("&lt;3 &gt;:(", "<3 >:(")]
    [InlineData("it&#39;s &#x41;", "it's A")]
    [InlineData(@"won\u2019t", "won’t")]
    [InlineData("&unknown; & &", "&unknown; & &")]
    [InlineData(@"\u00", @"\u00")]
    public void Escapes_are_decoded(string text, string expected)
    {
        Assert.True(TextDecoder.NeedsDecoding(text));
        var buffer = new char[text.Length];
        Assert.Equal(expected, new string(buffer, 0, TextDecoder.Decode(text, buffer)));
    }

    [Fact]
    public void Tokenizer_produces_words_symbols_and_punctuation()
    {
        const string text = "Sooo GOOD!! @user 😂 :) 9/10, don’t";
        var normalized = new char[text.Length];
        var tokens = new Token[text.Length];
        var count = Tokenizer.Tokenize(text, Lexicon.SentimentLexicon.Default, normalized, tokens, out var profile);

        string Word(int i) => new(normalized, tokens[i].Start, tokens[i].Length);
        Assert.Equal(8, count);
        Assert.Equal("soo", Word(0)); // "soo" is itself a listed booster
        Assert.True(tokens[0].Has(TokenFlags.Elongated));
        Assert.Equal("good", Word(1));
        Assert.True(tokens[1].Has(TokenFlags.AllCaps));
        Assert.Equal(TokenKind.Terminator, tokens[2].Kind);
        Assert.Equal(2, tokens[2].Exclamations);
        Assert.Equal(TokenKind.Symbol, tokens[3].Kind);
        Assert.Equal(TokenKind.Symbol, tokens[4].Kind);
        Assert.Equal(TokenKind.Symbol, tokens[5].Kind);
        Assert.True(tokens[5].Entry.Valence > 0, "9/10 is a good rating");
        Assert.Equal(TokenKind.ClauseBreak, tokens[6].Kind);
        Assert.Equal("don't", Word(7));
        Assert.True(tokens[7].Entry.Has(Lexicon.WordRoles.Negator));
        Assert.Equal(3, profile.Words);
        Assert.True(profile.LowerCaseLetters > 0);
    }
}
