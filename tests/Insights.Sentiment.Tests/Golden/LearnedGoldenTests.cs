namespace Insights.Sentiment.Tests.Golden;

using System.Globalization;
using System.Text;
using Insights.Sentiment.Evaluation;
using Insights.Sentiment.Language;
using Insights.Sentiment.Tests.Support;
using Xunit.Abstractions;

/// <summary>
/// Every output of the silo's default path stays bit for bit what it was when <c>learned.tsv</c> was captured (before
/// the speed work on it): the language identifier's guess (language and confidence), the learned model's result, and
/// the result of <see cref="LanguageAwareSentimentAnalyzer"/> over the learned model through its batch path, all with
/// full (round-trip) precision. The texts are those of <c>generated.tsv</c> and of every development file, in chunks of
/// <see cref="GoldenFiles.ChunkSize"/> with one digest per output kind, so a difference names the source, the chunk and
/// which part changed. A change that alters outputs on purpose changes a model's version and rewrites the file with
/// <c>INSIGHTS_WRITE_SENTIMENT_GOLDEN=1 dotnet test tests/Insights.Sentiment.Tests --filter LearnedGolden</c>.
/// </summary>
public sealed class LearnedGoldenTests(ITestOutputHelper output)
{
    public const string LearnedName = "learned.tsv";

    private const int BatchSize = 64;

    private static readonly LanguageIdentifier Identifier = new();
    private static readonly LearnedSentimentAnalyzer Learned = new();
    private static readonly LanguageAwareSentimentAnalyzer Combined = new(Learned, Identifier);

    [Fact]
    public async Task Generated_texts_keep_every_language_and_learned_result()
    {
        var texts = GeneratedTexts();
        Assert.True(texts.Count > 10_000, $"only {texts.Count} generated texts");
        await AssertSourcesKeepTheirOutputs([(GoldenFiles.GeneratedName, texts)]);
    }

    [Fact]
    public async Task Carried_development_texts_keep_every_language_and_learned_result()
    {
        var folder = DevelopmentData.FindCarriedFolder([AppContext.BaseDirectory]);
        Assert.NotNull(folder);
        var files = Directory.GetFiles(folder, "*.tsv");
        Assert.NotEmpty(files);
        await AssertSourcesKeepTheirOutputs(files.Select(ReadFile));
    }

    [SharedDataFact]
    public async Task Shared_development_texts_keep_every_language_and_learned_result()
    {
        var folder = DevelopmentData.FindFolder([AppContext.BaseDirectory])!;
        var expected = ReadGolden().Select(l => l.Split('\t')[0]).Where(n => n != GoldenFiles.GeneratedName).Distinct().ToList();
        var missing = expected.Where(f => !File.Exists(Path.Combine(folder, f))).ToList();
        Assert.True(missing.Count == 0, $"shared files named in {LearnedName} are absent: {string.Join(", ", missing)}");
        await AssertSourcesKeepTheirOutputs(expected.Select(f => ReadFile(Path.Combine(folder, f))));
    }

    /// <summary>The language-only path (its own sums, an exact fallback near a decision) names the language <c>Identify</c> does.</summary>
    [Fact]
    public void LanguageOf_names_the_language_Identify_gives()
    {
        var folder = DevelopmentData.FindCarriedFolder([AppContext.BaseDirectory]);
        Assert.NotNull(folder);
        var texts = GeneratedTexts().Concat(Directory.GetFiles(folder, "*.tsv").SelectMany(f => ReadFile(f).Texts)).ToList();
        var differing = texts.Where(t => Identifier.LanguageOf(t) != Identifier.Identify(t).Language).Take(10).ToList();
        Assert.True(differing.Count == 0, $"LanguageOf differs from Identify on: {string.Join(" | ", differing.Select(GoldenText.Escape))}");
    }

    /// <summary>Rewrites <c>learned.tsv</c> from the current code: run only on purpose, with the environment variable set.</summary>
    [GoldenWriterFact]
    public async Task Write_learned_golden_file()
    {
        var lines = new List<string>
        {
            $"# {Learned.Name}, {Identifier.Name}: source, first text, count, digests of the texts, languages, learned results, combined results (chunks of {GoldenFiles.ChunkSize})",
        };
        var sources = new List<(string Name, IReadOnlyList<string> Texts)> { (GoldenFiles.GeneratedName, GeneratedTexts()) };
        sources.AddRange(DevData.Files.Select(ReadFile));
        foreach (var (name, texts) in sources)
        {
            lines.AddRange(await Lines(name, texts));
        }

        await File.WriteAllLinesAsync(GoldenFiles.SourcePath(LearnedName), lines, new UTF8Encoding(false));
        output.WriteLine($"wrote {lines.Count - 1} chunks of {sources.Count} sources");
    }

    private static List<string> GeneratedTexts() =>
        [.. GoldenFiles.ReadGenerated(GoldenFiles.OutputPath(GoldenFiles.GeneratedName)).Select(g => g.Text)];

    private static (string Name, IReadOnlyList<string> Texts) ReadFile(string path) =>
        (Path.GetFileName(path), [.. LabelledTextFile.Read(path).Select(i => i.Text)]);

    private static List<string> ReadGolden() =>
        [.. File.ReadLines(GoldenFiles.OutputPath(LearnedName)).Where(l => l.Length > 0 && l[0] != '#')];

    private static async Task AssertSourcesKeepTheirOutputs(IEnumerable<(string Name, IReadOnlyList<string> Texts)> sources)
    {
        var golden = ReadGolden();
        var problems = new List<string>();
        string[] parts = ["texts", "languages", "learned results", "combined results"];
        foreach (var (name, texts) in sources)
        {
            var expected = golden.Where(l => l.StartsWith(name + "\t", StringComparison.Ordinal)).ToList();
            var actual = await Lines(name, texts);
            Assert.True(expected.Count > 0, $"{name} has no lines in {LearnedName}");
            if (expected.Count != actual.Count)
            {
                problems.Add($"{name}: {actual.Count} chunks, {LearnedName} has {expected.Count} (the data changed)");
                continue;
            }

            foreach (var (e, a) in expected.Zip(actual))
            {
                var (ef, af) = (e.Split('\t'), a.Split('\t'));
                var differing = Enumerable.Range(0, parts.Length).Where(p => ef[3 + p] != af[3 + p]).Select(p => parts[p]).ToList();
                if (differing.Count > 0)
                {
                    problems.Add($"{name} texts {af[1]}+{af[2]}: {string.Join(", ", differing)} differ");
                }
            }
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    private static async Task<List<string>> Lines(string name, IReadOnlyList<string> texts)
    {
        var languages = texts.Select(t => FormatGuess(Identifier.Identify(t))).ToList();
        var learned = texts.Select(t => Format(Learned.Analyze(t))).ToList();
        var combined = new List<string>(texts.Count);
        foreach (var batch in texts.Chunk(BatchSize))
        {
            combined.AddRange((await Combined.AnalyzeAsync(batch)).Select(Format));
        }

        var lines = new List<string>();
        for (var first = 0; first < texts.Count; first += GoldenFiles.ChunkSize)
        {
            var count = Math.Min(GoldenFiles.ChunkSize, texts.Count - first);
            lines.Add(string.Join(
                '\t',
                name,
                first.ToString(CultureInfo.InvariantCulture),
                count.ToString(CultureInfo.InvariantCulture),
                GoldenFiles.Digest(texts.Skip(first).Take(count)),
                GoldenFiles.Digest(languages.Skip(first).Take(count)),
                GoldenFiles.Digest(learned.Skip(first).Take(count)),
                GoldenFiles.Digest(combined.Skip(first).Take(count))));
        }

        return lines;
    }

    private static string FormatGuess(LanguageGuess guess) =>
        string.Create(CultureInfo.InvariantCulture, $"{guess.Language}\t{guess.Confidence:R}");

    /// <summary>Every field at round-trip precision: the scores must not move by a bit.</summary>
    private static string Format(SentimentResult r) => string.Create(
        CultureInfo.InvariantCulture,
        $"{r.Label}\t{r.Score:R}\t{r.Positive:R}\t{r.Neutral:R}\t{r.Negative:R}\t{r.Analyzer}\t{r.Language}");
}
