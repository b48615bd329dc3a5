namespace Insights.Sentiment.Tests.Golden;

using System.Security.Cryptography;
using System.Text;
using Insights.Sentiment.Evaluation;

/// <summary>
/// The two golden files of <c>lexicon/1</c>, captured from the analyzer before its speed work and kept to prove that
/// any later change leaves every label and score as it was:
/// <list type="bullet">
/// <item><c>generated.tsv</c>: one line per text of <see cref="GoldenCorpus"/>, <c>label, score, positive, neutral,
/// negative, text</c> (see <see cref="GoldenText"/>), so a difference names the text.</item>
/// <item><c>development.tsv</c>: for every labelled development file, one line per chunk of <see cref="ChunkSize"/>
/// texts with a digest of the texts and one of their results, so the 70,000 shared texts (not ours to copy here)
/// are covered in a few kilobytes; a difference names the file and its lines.</item>
/// </list>
/// </summary>
internal static class GoldenFiles
{
    public const int ChunkSize = 250;

    public const string GeneratedName = "generated.tsv";

    public const string DevelopmentName = "development.tsv";

    /// <summary>Chunk digests (like <see cref="DevelopmentName"/>) of <see cref="GoldenCorpus.Inflections"/>, under the file name below.</summary>
    public const string InflectionsName = "inflections.tsv";

    private static readonly string RelativeFolder = Path.Combine("tests", "Insights.Sentiment.Tests", "Golden", "Data");

    /// <summary>The copy next to the test assembly.</summary>
    public static string OutputPath(string name) => Path.Combine(AppContext.BaseDirectory, "Golden", "Data", name);

    /// <summary>The source copy in the repository, which the writer updates.</summary>
    public static string SourcePath(string name) =>
        Path.Combine(
            DevelopmentData.FindRepositoryRoot([AppContext.BaseDirectory]) ?? throw new InvalidOperationException("Not inside the repository."),
            RelativeFolder,
            name);

    public static IEnumerable<(string Expected, string Text)> ReadGenerated(string path) =>
        File.ReadLines(path, Encoding.UTF8)
            .Where(line => line.Length > 0 && line[0] != '#')
            .Select(line =>
            {
                var textStart = Nth(line, '\t', 5) + 1;
                return (line[..(textStart - 1)], GoldenText.Unescape(line[textStart..]));
            });

    public static string GeneratedLine(SentimentResult result, string text) => $"{GoldenText.Format(result)}\t{GoldenText.Escape(text)}";

    /// <summary>The lines of <c>development.tsv</c> for one labelled file: <c>file, first line, count, texts digest, results digest</c>.</summary>
    public static IEnumerable<string> DevelopmentLines(string fileName, IReadOnlyList<string> texts, IReadOnlyList<SentimentResult> results)
    {
        for (var first = 0; first < texts.Count; first += ChunkSize)
        {
            var count = Math.Min(ChunkSize, texts.Count - first);
            var chunkTexts = texts.Skip(first).Take(count);
            var chunkResults = results.Skip(first).Take(count).Select(GoldenText.Format);
            yield return $"{fileName}\t{first}\t{count}\t{Digest(chunkTexts)}\t{Digest(chunkResults)}";
        }
    }

    public static string Digest(IEnumerable<string> lines) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', lines))))[..16];

    private static int Nth(string line, char c, int n)
    {
        var at = -1;
        for (var k = 0; k < n; k++)
        {
            at = line.IndexOf(c, at + 1);
        }

        return at;
    }
}
