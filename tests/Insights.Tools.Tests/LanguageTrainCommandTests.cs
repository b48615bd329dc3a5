namespace Insights.Tools.Tests;

using Insights.Sentiment.Evaluation;
using Insights.Sentiment.Language;

public sealed class LanguageTrainCommandTests
{
    private static readonly string? Folder = DevelopmentData.FindFolder([AppContext.BaseDirectory]);

    /// <summary>Training is seeded and deterministic: the command rebuilds the committed model byte for byte.</summary>
    [LanguageDataFact]
    public async Task Training_reproduces_the_shipped_model_and_prints_accuracy_per_language()
    {
        var output = Path.Combine(Path.GetTempPath(), $"language-{Guid.NewGuid():N}.bin");
        try
        {
            var (code, stdout, error) = await ToolRun.RunAsync("", "language", "train", "--data", Folder!, "--output", output);

            Assert.True(code == 0, error);
            using var shipped = typeof(LanguageModel).Assembly.GetManifestResourceStream(LanguageModel.ResourceName)!;
            using var copy = new MemoryStream();
            await shipped.CopyToAsync(copy);
            Assert.Equal(copy.ToArray(), await File.ReadAllBytesAsync(output));
            foreach (var language in LanguageCodes.Trained)
            {
                Assert.Matches($@"│ {language} +│ +0\.9\d{{3}}|│ {language} +│ +0\.[67]\d{{3}}", stdout);
            }
        }
        finally
        {
            File.Delete(output);
        }
    }

    [Fact]
    public async Task Missing_data_is_an_error_naming_the_files()
    {
        var empty = Directory.CreateTempSubdirectory().FullName;
        try
        {
            var (code, _, error) = await ToolRun.RunAsync("", "language", "train", "--data", empty, "--output", Path.Combine(empty, "m.bin"));

            Assert.Equal(1, code);
            Assert.Contains("xlmt_<lang>_train.tsv", error);
        }
        finally
        {
            Directory.Delete(empty, recursive: true);
        }
    }
}

/// <summary>A fact on the shared sentiment data (not ours to redistribute): skipped, saying why, where it is absent.</summary>
public sealed class LanguageDataFactAttribute : FactAttribute
{
    public LanguageDataFactAttribute()
    {
        if (DevelopmentData.FindFolder([AppContext.BaseDirectory]) is null)
        {
            Skip = $"the shared sentiment data ({DevelopmentData.RelativePath} next to the repository root) is absent";
        }
    }
}
