namespace Insights.Sentiment.Tests;

using Insights.Sentiment.Scoring;

/// <summary>Text that is probably not English is not guessed at: neutral, score 0, near-uniform probabilities.</summary>
public sealed class LanguageTests
{
    private static readonly LexiconSentimentAnalyzer Analyzer = new();

    [Theory]
    [InlineData("これは本当に素晴らしい動画です")]
    [InlineData("最高😍😍")]
    [InlineData("Это очень плохое видео")]
    [InlineData("هذا الفيديو رائع جدا")]
    [InlineData("이 노래 너무 좋아요")]
    [InlineData("Αυτό είναι υπέροχο")]
    [InlineData("ये वीडियो बहुत अच्छा है")]
    [InlineData("me encanta este video, es muy bueno")]
    [InlineData("videonya bagus banget, aku suka sekali")]
    [InlineData("c'est très mauvais, je n'aime pas du tout")]
    [InlineData("das ist nicht gut, ich finde es sehr schlecht")]
    [InlineData("kaldıraç bu video çok güzel ama ses için biraz düşük")]
    public void Non_english_text_is_neutral_with_low_confidence(string text)
    {
        var result = Analyzer.Analyze(text);

        Assert.Equal(SentimentLabel.Neutral, result.Label);
        Assert.Equal(0, result.Score);
        Assert.Equal(SentimentCalibration.NotJudgedNeutral, result.Neutral, precision: 12);
        Assert.True(result.Neutral > result.Positive && result.Neutral > result.Negative);
        Assert.True(result.Neutral < 0.4, "an unjudged text must not look like a confident neutral");
        Assert.True(Math.Abs(result.Positive - result.Negative) < 1e-12);
    }

    [Theory]
    [InlineData("I love Los Angeles so much", SentimentLabel.Positive)]
    [InlineData("this song is so good, 사랑해", SentimentLabel.Positive)]
    [InlineData("that café was terrible", SentimentLabel.Negative)]
    [InlineData("Naïve but charming", SentimentLabel.Positive)]
    [InlineData("slay queen 👑 periodt no cap fr fr", SentimentLabel.Positive)]
    public void English_with_foreign_names_or_accents_is_still_scored(string text, SentimentLabel expected) =>
        Assert.Equal(expected, Analyzer.Analyze(text).Label);

    [Fact]
    public void A_confident_neutral_differs_from_an_unjudged_one()
    {
        var plain = Analyzer.Analyze("the video was posted on tuesday");
        Assert.Equal(SentimentLabel.Neutral, plain.Label);
        Assert.True(plain.Neutral > SentimentCalibration.NotJudgedNeutral + 0.1);
    }
}
