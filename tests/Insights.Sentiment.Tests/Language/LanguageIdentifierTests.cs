namespace Insights.Sentiment.Tests.Language;

using Insights.Sentiment.Language;

public sealed class LanguageIdentifierTests
{
    private static readonly LanguageIdentifier Identifier = new();

    public static TheoryData<string, string> OtherSamples()
    {
        var data = new TheoryData<string, string>();
        foreach (var (language, texts) in OtherLanguageSamples.ByLanguage)
        {
            foreach (var text in texts)
            {
                data.Add(language, text);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(OtherSamples))]
    public void Text_in_a_language_the_model_does_not_know_is_other(string language, string text)
    {
        var guess = Identifier.Identify(text);

        Assert.True(guess.Language == LanguageCodes.Other, $"{language} '{text}' came out as {guess.Language} ({guess.Confidence:F3})");
    }

    [Fact]
    public void Short_comments_in_known_languages_keep_their_language()
    {
        var wrong = OtherLanguageSamples.ShortKnown
            .Select(s => (s.Language, s.Text, Found: Identifier.Identify(s.Text).Language))
            .Where(s => s.Found != s.Language)
            .ToList();

        Assert.True(wrong.Count == 0, string.Join("; ", wrong.Select(w => $"{w.Language} '{w.Text}' -> {w.Found}")));
    }
}
