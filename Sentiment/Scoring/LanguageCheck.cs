namespace Insights.Sentiment.Scoring;

using Insights.Sentiment.Text;

/// <summary>
/// A cheap guess that a text is not English, so the English lexicon should not judge it. Three signals: most
/// letters are of another script (Cyrillic, Arabic, CJK...); common function words of another Latin-script
/// language outnumber English ones; or a longer text has almost no English function or sentiment words.
/// </summary>
internal static class LanguageCheck
{
    /// <summary>Share of letters outside Latin script from which a text counts as another language.</summary>
    public const double OtherScriptShare = 0.4;

    /// <summary>Texts with at least this many words must contain English function or sentiment words...</summary>
    public const int MinWordsForEnglishWordCheck = 8;

    /// <summary>...at least this share of them.</summary>
    public const double MinEnglishWordShare = 0.1;

    public static bool IsLikelyNotEnglish(in TextProfile profile)
    {
        var letters = profile.LatinLetters + profile.OtherScriptLetters;
        if (profile.OtherScriptLetters >= 2 && profile.OtherScriptLetters >= OtherScriptShare * letters)
        {
            return true;
        }

        if (profile.ForeignFunctionWords >= 2 && profile.ForeignFunctionWords > profile.EnglishFunctionWords)
        {
            return true;
        }

        return profile.Words >= MinWordsForEnglishWordCheck
            && profile.EnglishFunctionWords + profile.EnglishSentimentWords < MinEnglishWordShare * profile.Words;
    }
}
