namespace Insights.Tools.Quality;

using Insights.Sentiment.Language;
using Insights.Tools.Language;
using Spectre.Console;

/// <summary>
/// The language section of <c>insights quality</c>: the shipped language identifier's accuracy per language on the
/// validation files of the shared data, with where the misses went.
/// </summary>
internal static class LanguageQualitySection
{
    /// <summary>Writes the section; false (after saying why) when the shared folder lacks the validation files.</summary>
    public static bool Write(IAnsiConsole console, TextWriter error, string? folder)
    {
        var languages = LanguageCodes.Trained;
        if (folder is null || !languages.All(l => File.Exists(Path.Combine(folder, LanguageDataFiles.ValidationFile(l)))))
        {
            error.WriteLine("quality: language identification not measured (no xlmt_<lang>_val.tsv files in the shared data folder)");
            return false;
        }

        var identifier = new LanguageIdentifier();
        var confusion = LanguageConfusion.Measure(identifier, LanguageDataFiles.ReadValidation(folder, languages));
        console.Write(LanguageReport.Create($"language identification ({identifier.Name}), validation files", confusion));
        console.WriteLine();
        return true;
    }
}
