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
            .Title($"validation, not the held-out test sets (F1, R: macro-F1, macro-recall; items in training left out: -n); model {model.Name}")
            .AddColumn("language")
            .AddColumn(new TableColumn("items").RightAligned())
            .AddColumn(new TableColumn("model F1").RightAligned())
            .AddColumn(new TableColumn("model R").RightAligned())
            .AddColumn(new TableColumn($"{baseline.Name} F1").RightAligned())
            .AddColumn(new TableColumn($"{baseline.Name} R").RightAligned());
        foreach (var set in sets)
        {
            var learned = await set.ScoreAsync(model, cancellationToken);
            var lexicon = await set.ScoreAsync(baseline, cancellationToken);
            var items = set.Items.Count.ToString("N0", CultureInfo.InvariantCulture) + (set.LeftOut > 0 ? $" (-{set.LeftOut})" : "");
            table.AddRow(set.Name, items, F(learned.MacroF1), F(learned.MacroRecall), F(lexicon.MacroF1), F(lexicon.MacroRecall));
        }

        return table;
    }

    private static string F(double value) => value.ToString("F4", CultureInfo.InvariantCulture);
}
