namespace Insights.Sentiment.Language;

using Insights.Sentiment.Evaluation;

/// <summary>
/// The language-labelled texts in the shared sentiment data (<c>../shared/data/sentiment</c>): each XLM-T file is in
/// the language its name says, and <c>semeval_train.tsv</c> is English. Sentiment labels are not used.
/// </summary>
public static class LanguageDataFiles
{
    public const string EnglishExtraTrainingFile = "semeval_train.tsv";

    public static string TrainFile(string language) => $"xlmt_{language}_train.tsv";

    public static string ValidationFile(string language) => $"xlmt_{language}_val.tsv";

    /// <summary>The training texts of each language; English also from <see cref="EnglishExtraTrainingFile"/> when <paramref name="withSemEval"/>.</summary>
    public static IReadOnlyList<LanguageText> ReadTraining(string folder, IReadOnlyList<string> languages, bool withSemEval)
    {
        var texts = new List<LanguageText>();
        foreach (var language in languages)
        {
            texts.AddRange(Read(Path.Combine(folder, TrainFile(language)), language));
            if (language == "en" && withSemEval)
            {
                texts.AddRange(Read(Path.Combine(folder, EnglishExtraTrainingFile), language));
            }
        }

        return texts;
    }

    public static IReadOnlyList<LanguageText> ReadValidation(string folder, IReadOnlyList<string> languages) =>
        [.. languages.SelectMany(language => Read(Path.Combine(folder, ValidationFile(language)), language))];

    /// <summary>True when the folder holds every file <see cref="ReadTraining"/> and <see cref="ReadValidation"/> need.</summary>
    public static bool AreIn(string folder, IReadOnlyList<string> languages) =>
        languages.All(l => File.Exists(Path.Combine(folder, TrainFile(l))) && File.Exists(Path.Combine(folder, ValidationFile(l))));

    private static IEnumerable<LanguageText> Read(string path, string language) =>
        LabelledTextFile.Read(path).Select(item => new LanguageText(language, item.Text));
}
