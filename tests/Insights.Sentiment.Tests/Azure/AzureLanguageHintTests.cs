namespace Insights.Sentiment.Tests.Azure;

using Insights.Sentiment.Azure;
using Insights.Sentiment.Language;
using Insights.Testing;

/// <summary>The identified language goes to Azure AI Language as each document's <c>language</c>, against the local stub.</summary>
public sealed class AzureLanguageHintTests : IAsyncLifetime
{
    private static readonly LexiconSentimentAnalyzer Local = new();
    private LanguageServiceStub stub = null!;

    public async Task InitializeAsync() => stub = await LanguageServiceStub.StartAsync();

    public async Task DisposeAsync() => await stub.DisposeAsync();

    [Fact]
    public async Task Each_document_is_sent_with_its_identified_language()
    {
        var analyzer = new AzureLanguageSentimentAnalyzer(
            AzureLanguageContractTests.Options(stub.Endpoint), Local, languageIdentifier: new LanguageIdentifier());

        var results = await analyzer.AnalyzeAsync(
            ["this is really good", "me encanta esta canción", "ich finde das Video richtig gut", "😍😍😍"]);

        var request = Assert.Single(stub.Requests);
        // The undetermined emoji-only comment goes with the configured language.
        Assert.Equal(["en", "es", "de", "en"], request.Documents.Select(d => d.Language));
        Assert.Equal(["en", "es", "de", LanguageCodes.Undetermined], results.Select(r => r.Language));
        Assert.All(results, r => Assert.Equal("azure-language/2023-04-01", r.Analyzer));
    }

    [Fact]
    public async Task Behind_the_language_aware_analyzer_other_languages_are_not_sent()
    {
        await using var batcher = AzureSentiment.CreateAnalyzer(
            AzureLanguageContractTests.Options(stub.Endpoint), localFallback: false, Local, languageIdentifier: new LanguageIdentifier());
        var analyzer = new LanguageAwareSentimentAnalyzer(batcher, new LanguageIdentifier());

        var results = await analyzer.AnalyzeAsync(["Это видео просто огонь", "que vídeo lindo, amei demais"]);

        var document = Assert.Single(Assert.Single(stub.Requests).Documents);
        Assert.Equal(("pt", "que vídeo lindo, amei demais"), (document.Language, document.Text));
        Assert.Equal([LanguageCodes.Other, "pt"], results.Select(r => r.Language));
        Assert.Equal(analyzer.SetAsideAnalyzer, results[0].Analyzer);
    }

    [Fact]
    public async Task Without_an_identifier_every_document_goes_with_the_configured_language()
    {
        var options = AzureLanguageContractTests.Options(stub.Endpoint);
        options.Language = "fr";
        var results = await new AzureLanguageSentimentAnalyzer(options, Local).AnalyzeAsync(["this is good", "me encanta"]);

        Assert.All(Assert.Single(stub.Requests).Documents, d => Assert.Equal("fr", d.Language));
        Assert.All(results, r => Assert.Equal(LanguageCodes.Undetermined, r.Language));
    }
}
