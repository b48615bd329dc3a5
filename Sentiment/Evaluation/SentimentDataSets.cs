namespace Insights.Sentiment.Evaluation;

/// <summary>
/// Which shared data file (<c>../shared/data/sentiment</c>, see its README) serves what, for the learned model:
/// <list type="bullet">
/// <item>training: <c>semeval_train.tsv</c> (English) and <c>xlmt_&lt;lang&gt;_train.tsv</c> of the seven other
/// languages. <c>xlmt_en_train.tsv</c> is left out: 1,430 of its items are in <c>tweeteval_val.tsv</c>, the English
/// validation set, and <c>semeval_train.tsv</c> already covers English 25 times over;</item>
/// <item>validation, per language: English on <c>tweeteval_val.tsv</c> and <c>vader_tweets.tsv</c>, every other
/// language on <c>xlmt_&lt;lang&gt;_val.tsv</c>. Validation items whose text is also in a training file
/// (<see cref="OverlapKey"/>) are left out of the figures (45 of Hindi's, which overlap <c>semeval_train.tsv</c>).</item>
/// </list>
/// The held-out test splits are not in the folder and nothing here approximates them.
/// </summary>
public static class SentimentDataSets
{
    /// <summary>The eight XLM-T languages the learned model is trained and validated on.</summary>
    public static IReadOnlyList<string> Languages { get; } = ["ar", "de", "en", "es", "fr", "hi", "it", "pt"];

    public const string EnglishTraining = "semeval_train.tsv";

    /// <summary>The training files, each with its language.</summary>
    public static IReadOnlyList<(string File, string Language)> TrainingFiles { get; } =
        [(EnglishTraining, "en"), .. Languages.Where(l => l != "en").Select(l => ($"xlmt_{l}_train.tsv", l))];

    /// <summary>The validation files of a language.</summary>
    public static IReadOnlyList<string> ValidationFiles(string language) =>
        language == "en" ? ["tweeteval_val.tsv", "vader_tweets.tsv"] : [$"xlmt_{language}_val.tsv"];
}
