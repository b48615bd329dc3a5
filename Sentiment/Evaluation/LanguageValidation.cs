namespace Insights.Sentiment.Evaluation;

/// <summary>The validation items of one language (<see cref="SentimentDataSets.ValidationFiles"/>), or of one of its files.</summary>
/// <param name="Language">ISO 639-1 code.</param>
/// <param name="File">The file, when the language has several and this is one of them; null for all of them.</param>
/// <param name="Items">The items scored.</param>
/// <param name="LeftOut">Items left out because their text is also in a training file.</param>
public sealed record LanguageValidation(string Language, string? File, IReadOnlyList<LabelledText> Items, int LeftOut)
{
    /// <summary>The language, and the file if this is one file of several.</summary>
    public string Name => File is null ? Language : $"{Language} ({Path.GetFileNameWithoutExtension(File)})";

    /// <summary>
    /// The validation sets of every language in <see cref="SentimentDataSets.Languages"/> whose files are all in
    /// <paramref name="folder"/>, each without the items whose <see cref="OverlapKey"/> a training file has; a language
    /// with several files (English) is followed by each of its files on its own.
    /// </summary>
    public static IReadOnlyList<LanguageValidation> Read(string folder)
    {
        var seen = TrainingKeys(folder);
        var sets = new List<LanguageValidation>();
        foreach (var language in SentimentDataSets.Languages)
        {
            var files = SentimentDataSets.ValidationFiles(language).Select(f => Path.Combine(folder, f)).ToList();
            if (!files.All(System.IO.File.Exists))
            {
                continue;
            }

            sets.Add(Unseen(language, null, files.SelectMany(LabelledTextFile.Read).ToList(), seen));
            if (files.Count > 1)
            {
                sets.AddRange(files.Select(f => Unseen(language, Path.GetFileName(f), LabelledTextFile.Read(f), seen)));
            }
        }

        return sets;
    }

    /// <summary>Scores every item and counts gold against predicted labels.</summary>
    public async Task<ConfusionMatrix> ScoreAsync(ISentimentAnalyzer analyzer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(analyzer);
        var results = await analyzer.AnalyzeAsync(Items.Select(i => i.Text).ToArray(), cancellationToken);
        return ConfusionMatrix.Of(Items.Select(i => i.Gold).ToArray(), results.Select(r => r.Label).ToArray());
    }

    private static LanguageValidation Unseen(string language, string? file, IReadOnlyList<LabelledText> all, HashSet<string> seen)
    {
        var kept = all.Where(item => !seen.Contains(OverlapKey.Of(item.Text))).ToList();
        return new LanguageValidation(language, file, kept, all.Count - kept.Count);
    }

    private static HashSet<string> TrainingKeys(string folder)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (file, _) in SentimentDataSets.TrainingFiles)
        {
            var path = Path.Combine(folder, file);
            if (System.IO.File.Exists(path))
            {
                keys.UnionWith(LabelledTextFile.Read(path).Select(i => OverlapKey.Of(i.Text)).Where(k => k.Length > 0));
            }
        }

        return keys;
    }
}
