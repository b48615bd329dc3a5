namespace Insights.Sentiment.Language;

/// <summary>
/// The language codes a comment can carry: ISO 639-1 for the languages the identifier knows, <see cref="Other"/> for
/// text it recognises as some other language, <see cref="Undetermined"/> when there is nothing to tell by (no
/// letters: emoji, numbers, links) or the text was never looked at.
/// </summary>
public static class LanguageCodes
{
    public const string Other = "other";

    /// <summary>ISO 639-2's code for "undetermined".</summary>
    public const string Undetermined = SentimentResult.Undetermined;

    /// <summary>The languages the shipped model is trained on and the sentiment model scores.</summary>
    public static readonly IReadOnlyList<string> Trained = ["ar", "de", "en", "es", "fr", "hi", "it", "pt"];
}
