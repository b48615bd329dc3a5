namespace Insights.Tools.Tests;

using Insights.Tools.Quality;
using Spectre.Console.Testing;

/// <summary>The label-agreement table of <c>insights quality</c>.</summary>
public sealed class LabelAgreementSectionTests
{
    [Fact]
    public void Shows_each_xlmt_file_sharing_texts_with_the_english_training_file_and_nothing_without_it()
    {
        var folder = Directory.CreateTempSubdirectory("agreement-section-").FullName;
        try
        {
            Assert.Null(LabelAgreementSection.Create(folder));

            File.WriteAllLines(Path.Combine(folder, "semeval_train.tsv"),
                ["positive\twhat a goal by the captain tonight", "negative\tworst match of the season honestly", "neutral\tthe meeting starts at nine"]);
            File.WriteAllLines(Path.Combine(folder, "xlmt_hi_train.tsv"),
                ["negative\twhat a goal by the captain tonight", "negative\tworst match of the season honestly", "positive\tkya baat hai yaar"]);
            var console = new TestConsole().Width(150);

            console.Write(LabelAgreementSection.Create(folder)!);

            var rows = console.Output.Split('\n')
                .Select(line => line.Split('│', StringSplitOptions.TrimEntries).Where(cell => cell.Length > 0).ToArray())
                .Where(cells => cells.Length > 1)
                .ToArray();
            // Both shared texts are negative here; the reference says positive for one: half alike, kappa 0 (one label).
            Assert.Contains(["xlmt_hi_train", "2", "2/0/0", "50.0 %", "0.000", "0.222"], rows);
            Assert.Equal(2, rows.Length); // the header and the one file
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
