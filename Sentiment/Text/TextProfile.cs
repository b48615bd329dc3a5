namespace Insights.Sentiment.Text;

/// <summary>Counts gathered while tokenizing, for the language check and the capitals rule.</summary>
internal struct TextProfile
{
    public int LatinLetters;
    public int OtherScriptLetters;
    public int LowerCaseLetters;

    /// <summary>Words with at least one letter, hashtags excluded.</summary>
    public int Words;

    /// <summary>Words written with a capital then small letters ("Star").</summary>
    public int TitledWords;

    public int EnglishFunctionWords;

    /// <summary>Words of the English lexicon that carry sentiment (evidence of English too).</summary>
    public int EnglishSentimentWords;
    public int ForeignFunctionWords;
}
