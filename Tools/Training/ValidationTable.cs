namespace Insights.Tools.Training;

using System.Globalization;
using Insights.Sentiment;
using Insights.Sentiment.Evaluation;
using Spectre.Console;

/// <summary>Macro-F1 and macro-recall per language of two analyzers on the validation sets, as a table.</summary>
public static class ValidationTable
{
    public static async Task<Table> CreateAsync(IReadOnlyList<LanguageValidation> sets, ISentimentAnalyzer model, ISentimentAnalyzer baseline, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sets);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(baseline);
        var table = new Table().Border(TableBorder.Rounded)
            .Title($"validation, not held-out test: macro-F1 (F1), macro-recall (R); -n: items also in training, left out")
            .Caption($"model: {model.Name}; baseline: {baseline.Name}")
            .AddColumn("language")
            .AddColumn(new TableColumn("items").RightAligned())
            .AddColumn(new TableColumn("model F1").RightAligned())
            .AddColumn(new TableColumn("model R").RightAligned())
            .AddColumn(new TableColumn("baseline F1").RightAligned())
            .AddColumn(new TableColumn("baseline R").RightAligned());
        foreach (var set in sets)
        {
            var learned = await set.ScoreAsync(model, cancellationToken);
            var lexicon = await set.ScoreAsync(baseline, cancellationToken);
            var items = set.Items.Count.ToString("N0", CultureInfo.InvariantCulture) + (set.LeftOut > 0 ? $" (-{set.LeftOut})" : "");
            table.AddRow(set.File is null ? set.Language : $"{set.Language} {Path.GetFileNameWithoutExtension(set.File)}", items, F(learned.MacroF1), F(learned.MacroRecall), F(lexicon.MacroF1), F(lexicon.MacroRecall));
        }

        return table;
    }

    private static string F(double value) => value.ToString("F4", CultureInfo.InvariantCulture);
}
