namespace Insights.Sentiment.Tests.Language;

using Insights.Sentiment.Language;

public sealed class LanguageAwareSentimentAnalyzerTests
{
    private static readonly LanguageIdentifier Identifier = new();

    [Fact]
    public async Task Other_languages_get_a_neutral_low_confidence_score_and_never_reach_the_inner_analyzer()
    {
        var inner = new RecordingAnalyzer();
        var analyzer = new LanguageAwareSentimentAnalyzer(inner, Identifier);

        var results = await analyzer.AnalyzeAsync(
            ["I love this so much", "この動画めっちゃ好き！", "Bu video çok güzel olmuş, tebrikler", "😂😂"]);

        Assert.Equal(["I love this so much", "😂😂"], inner.Texts);
        Assert.Equal(["en", LanguageCodes.Other, LanguageCodes.Other, LanguageCodes.Undetermined], results.Select(r => r.Language));
        Assert.Equal(SentimentLabel.Positive, results[0].Label);
        foreach (var setAside in results.Skip(1).Take(2))
        {
            Assert.Equal(SentimentLabel.Neutral, setAside.Label);
            Assert.Equal(0, setAside.Score);
            Assert.True(setAside.Neutral < 0.5, $"neutral probability {setAside.Neutral} is not low-confidence");
            Assert.Equal(analyzer.SetAsideAnalyzer, setAside.Analyzer);
        }
    }

    [Fact]
    public async Task A_hinted_inner_analyzer_gets_each_texts_language()
    {
        var inner = new RecordingAnalyzer();
        var analyzer = new LanguageAwareSentimentAnalyzer(inner.Hinted(), Identifier);

        await analyzer.AnalyzeAsync(["me encanta esta canción", "Какая красивая девушка", "j'adore cette vidéo, merci beaucoup"]);

        Assert.Equal(["es", "fr"], inner.Languages);
    }

    [Fact]
    public async Task Languages_left_out_of_the_supported_ones_are_set_aside()
    {
        var inner = new RecordingAnalyzer();
        var analyzer = new LanguageAwareSentimentAnalyzer(inner, Identifier, new LanguageIdentificationOptions { SupportedLanguages = "en, es" });

        var results = await analyzer.AnalyzeAsync(["love this so much", "ich finde das Video richtig gut"]);

        Assert.Equal(["love this so much"], inner.Texts);
        Assert.Equal(("de", analyzer.SetAsideAnalyzer), (results[1].Language, results[1].Analyzer));
    }

    [Fact]
    public void An_unknown_supported_language_is_refused_naming_the_key()
    {
        var ex = Assert.Throws<InvalidOperationException>(() =>
            new LanguageAwareSentimentAnalyzer(new RecordingAnalyzer(), Identifier, new LanguageIdentificationOptions { SupportedLanguages = "en,xx" }));
        Assert.Contains("Insights:Sentiment:LanguageIdentification:SupportedLanguages", ex.Message);
        Assert.Contains("xx", ex.Message);
    }

    /// <summary>Scores with the lexicon and remembers what it was given.</summary>
    private sealed class RecordingAnalyzer : ISentimentAnalyzer
    {
        private readonly LexiconSentimentAnalyzer lexicon = new();

        public List<string> Texts { get; } = [];

        public List<string> Languages { get; } = [];

        public string Name => lexicon.Name;

        public ValueTask<IReadOnlyList<SentimentResult>> AnalyzeAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken = default)
        {
            Texts.AddRange(texts);
            return lexicon.AnalyzeAsync(texts, cancellationToken);
        }

        public ILanguageHintedSentimentAnalyzer Hinted() => new HintedView(this);

        private sealed class HintedView(RecordingAnalyzer owner) : ILanguageHintedSentimentAnalyzer
        {
            public string Name => owner.Name;

            public ValueTask<IReadOnlyList<SentimentResult>> AnalyzeAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken = default) =>
                owner.AnalyzeAsync(texts, cancellationToken);

            public ValueTask<IReadOnlyList<SentimentResult>> AnalyzeAsync(IReadOnlyList<string> texts, IReadOnlyList<string> languages, CancellationToken cancellationToken = default)
            {
                owner.Languages.AddRange(languages);
                return owner.AnalyzeAsync(texts, cancellationToken);
            }
        }
    }
}
