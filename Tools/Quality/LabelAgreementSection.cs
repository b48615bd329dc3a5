namespace Insights.Tools.Quality;

using System.Globalization;
using Insights.Sentiment.Evaluation;
using Spectre.Console;

/// <summary>
/// The label-agreement section of <c>insights quality</c>: on the texts an XLM-T file shares with the English
/// training file, how often the two label them alike (<see cref="LabelAgreement"/>). The English XLM-T file agrees
/// almost always; a file that agrees no better than chance bounds what any model can score on it.
/// </summary>
internal static class LabelAgreementSection
{
    public static Table? Create(string folder)
    {
        var agreements = LabelAgreement.ReadAgainstEnglishTraining(folder);
        if (agreements.Count == 0)
        {
            return null;
        }

        var table = new Table().Border(TableBorder.Rounded)
            .Title($"label agreement with {SentimentDataSets.EnglishTraining} on the texts both hold (at least {LabelAgreement.MinKeyLength} letters and digits)")
            .Caption("labels: this file's, of the shared texts; kappa: Cohen's, 0 is chance (and 0 when one label is nearly all); "
                + "macro-F1: what the other file's labels score as predictions of this file's")
            .AddColumn("file")
            .AddColumn(new TableColumn("shared texts").RightAligned())
            .AddColumn(new TableColumn("labels neg/neu/pos").RightAligned())
            .AddColumn(new TableColumn("same label").RightAligned())
            .AddColumn(new TableColumn("kappa").RightAligned())
            .AddColumn(new TableColumn("macro-F1").RightAligned());
        foreach (var agreement in agreements)
        {
            table.AddRow(
                Path.GetFileNameWithoutExtension(agreement.File),
                agreement.SharedTexts.ToString("N0", CultureInfo.InvariantCulture),
                string.Join('/', ConfusionMatrix.Labels.Select(l => agreement.Matrix.GoldCount(l).ToString(CultureInfo.InvariantCulture))),
                agreement.Agreement.ToString("P1", CultureInfo.InvariantCulture),
                agreement.Kappa.ToString("F3", CultureInfo.InvariantCulture),
                agreement.Matrix.MacroF1.ToString("F3", CultureInfo.InvariantCulture));
        }

        return table;
    }
}
