namespace Insights.Tools.Training;

using Insights.Sentiment;
using Insights.Sentiment.Evaluation;

/// <summary>
/// Reads the training files of <see cref="SentimentDataSets.TrainingFiles"/> from the shared data folder, keeps the
/// seeded subsample asked for, and weighs every item: classes balanced within a file (when asked), non-English files
/// by <see cref="TrainingOptions.OtherLanguageWeight"/>.
/// </summary>
public static class TrainingData
{
    public static IReadOnlyList<TrainingItem> Read(string folder, TrainingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var random = new Random(options.Seed);
        var items = new List<TrainingItem>();
        foreach (var (file, language) in SentimentDataSets.TrainingFiles)
        {
            var texts = LabelledTextFile.Read(Path.Combine(folder, file))
                .Where(_ => options.Subsample >= 1 || random.NextDouble() < options.Subsample)
                .ToList();
            var perClass = texts.GroupBy(t => t.Gold).ToDictionary(g => g.Key, g => g.Count());
            var fileWeight = language == "en" ? 1f : options.OtherLanguageWeight;
            foreach (var text in texts)
            {
                var classWeight = options.BalanceClasses ? texts.Count / (3f * perClass[text.Gold]) : 1f;
                items.Add(new TrainingItem(text.Gold, text.Text, language, fileWeight * classWeight));
            }
        }

        return items;
    }

    /// <summary>The class name the trainer sorts by (negative, neutral, positive: the model's class order).</summary>
    public static string ClassName(SentimentLabel label) => ClassIndex(label) switch
    {
        0 => "negative",
        1 => "neutral",
        _ => "positive",
    };

    /// <summary>The class index of the model (negative 0, neutral 1, positive 2).</summary>
    public static int ClassIndex(SentimentLabel label) => label switch
    {
        SentimentLabel.Negative => 0,
        SentimentLabel.Neutral => 1,
        SentimentLabel.Positive => 2,
        _ => throw new ArgumentOutOfRangeException(nameof(label), label, "Not one of the three sentiment classes."),
    };
}
