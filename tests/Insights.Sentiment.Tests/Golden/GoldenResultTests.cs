namespace Insights.Sentiment.Tests.Golden;

using System.Text;
using Insights.Sentiment.Evaluation;
using Insights.Sentiment.Tests.Support;
using Xunit.Abstractions;

/// <summary>
/// Every label and score of <c>lexicon/1</c> stays what it was when the golden files were captured (see
/// <see cref="GoldenFiles"/>), for one text at a time and through the batch path. A change that alters scores on
/// purpose bumps <see cref="LexiconSentimentAnalyzer.AnalyzerName"/> and rewrites the files with
/// <c>INSIGHTS_WRITE_SENTIMENT_GOLDEN=1 dotnet test tests/Insights.Sentiment.Tests --filter Golden</c>.
/// </summary>
public sealed class GoldenResultTests(ITestOutputHelper output)
{
    private static readonly LexiconSentimentAnalyzer Analyzer = new();

    [Fact]
    public void Generated_texts_keep_every_label_and_score()
    {
        var golden = GoldenFiles.ReadGenerated(GoldenFiles.OutputPath(GoldenFiles.GeneratedName)).ToList();
        Assert.True(golden.Count > 10_000, $"the generated golden file holds only {golden.Count} texts");

        var differences = golden
            .Select(g => (g.Expected, Actual: GoldenText.Format(Analyzer.Analyze(g.Text)), g.Text))
            .Where(g => g.Expected != g.Actual)
            .ToList();

        Assert.True(differences.Count == 0, Describe(differences, golden.Count));
    }

    [Fact]
    public async Task Generated_texts_keep_every_label_and_score_through_the_batch_path()
    {
        var golden = GoldenFiles.ReadGenerated(GoldenFiles.OutputPath(GoldenFiles.GeneratedName)).ToList();
        var results = await Analyzer.AnalyzeAsync([.. golden.Select(g => g.Text)]);

        Assert.Equal(golden.Count, results.Count);
        var differences = golden
            .Zip(results, (g, r) => (g.Expected, Actual: GoldenText.Format(r), g.Text))
            .Where(g => g.Expected != g.Actual)
            .ToList();
        Assert.True(differences.Count == 0, Describe(differences, golden.Count));
    }

    /// <summary>The development file the repository carries (vader_tweets.tsv) is checked in every clone.</summary>
    [Fact]
    public void Carried_development_texts_keep_every_label_and_score()
    {
        var folder = DevelopmentData.FindCarriedFolder([AppContext.BaseDirectory]);
        Assert.NotNull(folder);
        var files = Directory.GetFiles(folder, "*.tsv");
        Assert.NotEmpty(files);
        AssertDevelopmentFilesKeepTheirResults(files);
    }

    [Fact]
    public void Inflected_lexicon_words_keep_every_label_and_score()
    {
        var expected = File.ReadLines(GoldenFiles.OutputPath(GoldenFiles.InflectionsName)).Where(l => l.Length > 0 && l[0] != '#').ToList();
        var texts = GoldenCorpus.Inflections();
        var actual = GoldenFiles.DevelopmentLines(GoldenFiles.InflectionsName, texts, [.. texts.Select(Analyzer.Analyze)]).ToList();
        Assert.True(texts.Count > 50_000, $"only {texts.Count} inflected forms");
        var differences = expected.Zip(actual).Where(p => p.First != p.Second).Select(p => p.Second.Split('\t')).ToList();
        Assert.True(
            expected.Count == actual.Count && differences.Count == 0,
            $"{expected.Count} chunks expected, {actual.Count} now; differing chunks (first text, count): " +
            string.Join(", ", differences.Select(d => $"{d[1]}+{d[2]} ({texts[int.Parse(d[1], System.Globalization.CultureInfo.InvariantCulture)]}...)")));
    }

    [SharedDataFact]
    public void Shared_development_texts_keep_every_label_and_score()
    {
        var folder = DevelopmentData.FindFolder([AppContext.BaseDirectory])!;
        var expectedFiles = ReadDevelopmentGolden().Select(l => l.Split('\t')[0]).Distinct().ToList();
        var missing = expectedFiles.Where(f => !File.Exists(Path.Combine(folder, f))).ToList();
        Assert.True(missing.Count == 0, $"shared files named in {GoldenFiles.DevelopmentName} are absent: {string.Join(", ", missing)}");
        AssertDevelopmentFilesKeepTheirResults(expectedFiles.Select(f => Path.Combine(folder, f)));
    }

    /// <summary>Rewrites both golden files from the current analyzer: run only on purpose, with the environment variable set.</summary>
    [GoldenWriterFact]
    public async Task Write_golden_files()
    {
        var texts = GoldenCorpus.Build();
        var header = $"# {LexiconSentimentAnalyzer.AnalyzerName}: label, score, positive, neutral, negative (6 decimals), escaped text; see GoldenFiles";
        var lines = texts.Select(t => GoldenFiles.GeneratedLine(Analyzer.Analyze(t), t));
        await File.WriteAllLinesAsync(GoldenFiles.SourcePath(GoldenFiles.GeneratedName), [header, .. lines], new UTF8Encoding(false));

        var development = new List<string>
        {
            $"# {LexiconSentimentAnalyzer.AnalyzerName}: file, first text, count, digest of the texts, digest of their results (chunks of {GoldenFiles.ChunkSize})",
        };
        foreach (var path in DevData.Files)
        {
            var fileTexts = LabelledTextFile.Read(path).Select(i => i.Text).ToList();
            development.AddRange(GoldenFiles.DevelopmentLines(Path.GetFileName(path), fileTexts, [.. fileTexts.Select(Analyzer.Analyze)]));
        }

        await File.WriteAllLinesAsync(GoldenFiles.SourcePath(GoldenFiles.DevelopmentName), development, new UTF8Encoding(false));

        var inflections = GoldenCorpus.Inflections();
        await File.WriteAllLinesAsync(
            GoldenFiles.SourcePath(GoldenFiles.InflectionsName),
            [
                $"# {LexiconSentimentAnalyzer.AnalyzerName}: GoldenCorpus.Inflections, first text, count, digest of the texts, digest of their results (chunks of {GoldenFiles.ChunkSize})",
                .. GoldenFiles.DevelopmentLines(GoldenFiles.InflectionsName, inflections, [.. inflections.Select(Analyzer.Analyze)]),
            ],
            new UTF8Encoding(false));
        output.WriteLine($"wrote {texts.Count} generated texts and {development.Count - 1} development chunks");
    }

    private static List<string> ReadDevelopmentGolden() =>
        [.. File.ReadLines(GoldenFiles.OutputPath(GoldenFiles.DevelopmentName)).Where(l => l.Length > 0 && l[0] != '#')];

    private static void AssertDevelopmentFilesKeepTheirResults(IEnumerable<string> paths)
    {
        var golden = ReadDevelopmentGolden();
        var problems = new List<string>();
        foreach (var path in paths)
        {
            var name = Path.GetFileName(path);
            var expected = golden.Where(l => l.StartsWith(name + "\t", StringComparison.Ordinal)).ToList();
            var texts = LabelledTextFile.Read(path).Select(i => i.Text).ToList();
            var actual = GoldenFiles.DevelopmentLines(name, texts, [.. texts.Select(Analyzer.Analyze)]).ToList();
            Assert.True(expected.Count > 0, $"{name} has no lines in {GoldenFiles.DevelopmentName}");
            if (expected.Count != actual.Count)
            {
                problems.Add($"{name}: {actual.Count} chunks, the golden file has {expected.Count} (the data changed)");
                continue;
            }

            foreach (var (e, a) in expected.Zip(actual))
            {
                if (e == a)
                {
                    continue;
                }

                var fields = a.Split('\t');
                problems.Add(e.Split('\t')[3] != fields[3]
                    ? $"{name} texts {fields[1]}+{fields[2]}: the texts changed"
                    : $"{name} texts {fields[1]}+{fields[2]}: results differ");
            }
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    private static string Describe(List<(string Expected, string Actual, string Text)> differences, int total) =>
        $"{differences.Count} of {total} texts changed result:{Environment.NewLine}" + string.Join(
            Environment.NewLine,
            differences.Take(20).Select(d => $"  '{GoldenText.Escape(d.Text)}': expected {d.Expected}, got {d.Actual}"));
}

/// <summary>A fact that runs only when <c>INSIGHTS_WRITE_SENTIMENT_GOLDEN=1</c>: it rewrites the golden files.</summary>
public sealed class GoldenWriterFactAttribute : FactAttribute
{
    public GoldenWriterFactAttribute()
    {
        if (Environment.GetEnvironmentVariable("INSIGHTS_WRITE_SENTIMENT_GOLDEN") != "1")
        {
            Skip = "rewrites the golden files; set INSIGHTS_WRITE_SENTIMENT_GOLDEN=1 to run it";
        }
    }
}
