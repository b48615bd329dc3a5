namespace Insights.Tools.Language;

using System.Globalization;
using Insights.Sentiment.Language;
using Spectre.Console;
using Spectre.Console.Rendering;

/// <summary>Per-language accuracy of the language identifier and where the misses went, as a Spectre.Console table.</summary>
internal static class LanguageReport
{
    public static IRenderable Create(string title, LanguageConfusion confusion)
    {
        var identified = confusion.Identified;
        var heading = new Text($"{title}: {confusion.Total.ToString("N0", CultureInfo.InvariantCulture)} texts, accuracy {Score(confusion.OverallAccuracy)} (rows: language, columns: identified)");
        var table = new Table().Border(TableBorder.Rounded)
            .AddColumn("")
            .AddColumn(new TableColumn("accuracy").RightAligned());
        foreach (var code in identified)
        {
            table.AddColumn(new TableColumn(code).RightAligned());
        }

        foreach (var language in confusion.Languages)
        {
            table.AddRow([
                new Text(language),
                new Text(Score(confusion.Accuracy(language))),
                .. identified.Select(found => new Text(confusion.Count(language, found).ToString("N0", CultureInfo.InvariantCulture))),
            ]);
        }

        return new Rows(heading, table);
    }

    private static string Score(double value) => value.ToString("F4", CultureInfo.InvariantCulture);
}
