namespace Insights.Sentiment.Tests.Language;

using Insights.Sentiment.Evaluation;
using Insights.Sentiment.Language;

/// <summary>
/// The shipped model's accuracy per language on the validation files of the shared data (skipped where the shared
/// folder is absent, as the other quality floors are). Floors sit a little under the figures of
/// <c>insights language train</c>, so a worse model or a broken feature extractor fails.
/// </summary>
public sealed class LanguageAccuracyFloorTests
{
    private static readonly string? Folder = DevelopmentData.FindFolder([AppContext.BaseDirectory]);

    [SharedLanguageDataTheory]
    [InlineData("ar", 0.97)]
    [InlineData("de", 0.94)]
    [InlineData("en", 0.96)]
    [InlineData("es", 0.97)]
    [InlineData("fr", 0.96)]
    // Romanised Hindi-English code-mixing; about a quarter of its tweets are plain English.
    [InlineData("hi", 0.69)]
    [InlineData("it", 0.96)]
    [InlineData("pt", 0.96)]
    public void Validation_accuracy_stays_above_its_floor(string language, double floor)
    {
        var texts = LanguageDataFiles.ReadValidation(Folder!, [language]);

        var accuracy = LanguageConfusion.Measure(new LanguageIdentifier(), texts).Accuracy(language);

        Assert.True(accuracy >= floor, $"{language}: accuracy {accuracy:F4} below {floor}");
    }

    [Fact]
    public void The_shipped_model_reads_back_as_it_was_written()
    {
        var model = LanguageModel.Default;
        using var stream = new MemoryStream();
        model.Write(stream);
        stream.Position = 0;

        var read = LanguageModel.Read(stream);

        Assert.Equal(model.Languages, read.Languages);
        Assert.Equal(model.Entries, read.Entries);
        Assert.Equal(model.Weights, read.Weights);
        Assert.Equal(LanguageCodes.Trained, model.Languages);
    }
}
