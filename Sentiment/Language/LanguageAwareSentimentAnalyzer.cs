namespace Insights.Sentiment.Language;

using Insights.Sentiment.Scoring;

/// <summary>
/// Identifies each text's language before scoring: texts in a supported language (and, unless configured otherwise,
/// texts with no language to tell) go to the inner analyzer, with their languages when it takes them
/// (<see cref="ILanguageHintedSentimentAnalyzer"/>); every other text gets a neutral, low-confidence score named
/// <see cref="SetAsideAnalyzer"/> (probabilities as the lexicon's "not judged": neutral
/// <see cref="SentimentCalibration.NotJudgedNeutral"/>), never a guess. Every result carries the language.
/// Thread-safe when the inner analyzer is.
/// </summary>
public sealed class LanguageAwareSentimentAnalyzer : ISentimentAnalyzer
{
    private readonly ISentimentAnalyzer inner;
    private readonly LanguageIdentifier identifier;
    private readonly HashSet<string> supported;
    private readonly bool scoreUndetermined;
    private readonly Dictionary<string, SentimentResult> setAside;

    public LanguageAwareSentimentAnalyzer(ISentimentAnalyzer inner, LanguageIdentifier identifier, LanguageIdentificationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(inner);
        ArgumentNullException.ThrowIfNull(identifier);
        options ??= new LanguageIdentificationOptions();
        options.Validate(identifier.Model);
        this.inner = inner;
        this.identifier = identifier;
        supported = [.. options.SupportedLanguageCodes()];
        scoreUndetermined = options.ScoreUndetermined;
        SetAsideAnalyzer = "language/" + identifier.Name;
        Name = $"{inner.Name} (language {identifier.Name})";
        setAside = new Dictionary<string, SentimentResult>(StringComparer.Ordinal);
        foreach (var code in identifier.Model.Languages.Append(LanguageCodes.Other).Append(LanguageCodes.Undetermined))
        {
            setAside[code] = new SentimentResult(
                SentimentLabel.Neutral,
                0,
                SentimentCalibration.NotJudgedPolar,
                SentimentCalibration.NotJudgedNeutral,
                SentimentCalibration.NotJudgedPolar,
                SetAsideAnalyzer,
                code);
        }
    }

    public string Name { get; }

    /// <summary>The analyzer name of texts set aside for their language, e.g. <c>language/charnb/1</c>.</summary>
    public string SetAsideAnalyzer { get; }

    public ISentimentAnalyzer Inner => inner;

    /// <summary>The languages whose texts go to the inner analyzer.</summary>
    public IReadOnlyCollection<string> SupportedLanguages => supported;

    public ValueTask<IReadOnlyList<SentimentResult>> AnalyzeAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(texts);
        return inner is IInProcessSentimentAnalyzer local
            ? SynchronousScoring.ScoreAll(texts, text => AnalyzeInProcess(local, text), cancellationToken)
            : AnalyzeInBatchAsync(texts, cancellationToken);
    }

    /// <summary>
    /// The local analyzer's path: each text identified and, if its language is scored, scored right away with its
    /// language, so there is no sub-batch to build and no result to copy; the same results as the batch path.
    /// </summary>
    private SentimentResult AnalyzeInProcess(IInProcessSentimentAnalyzer local, string text)
    {
        var language = identifier.LanguageOf(text);
        return IsScored(language) ? local.Analyze(text, language) : setAside[language];
    }

    private async ValueTask<IReadOnlyList<SentimentResult>> AnalyzeInBatchAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken)
    {
        var languages = new string[texts.Count];
        var results = new SentimentResult[texts.Count];
        var scored = new List<int>(texts.Count);
        for (var i = 0; i < texts.Count; i++)
        {
            var language = identifier.LanguageOf(texts[i]);
            languages[i] = language;
            if (IsScored(language))
            {
                scored.Add(i);
            }
            else
            {
                results[i] = setAside[language];
            }
        }

        if (scored.Count == 0)
        {
            return results;
        }

        var all = scored.Count == texts.Count;
        var scoredTexts = all ? texts : [.. scored.Select(i => texts[i])];
        var scoredLanguages = all ? languages : [.. scored.Select(i => languages[i])];
        var innerResults = inner is ILanguageHintedSentimentAnalyzer hinted
            ? await hinted.AnalyzeAsync(scoredTexts, scoredLanguages, cancellationToken).ConfigureAwait(false)
            : await inner.AnalyzeAsync(scoredTexts, cancellationToken).ConfigureAwait(false);
        if (innerResults.Count != scored.Count)
        {
            throw new InvalidOperationException($"{inner.Name} returned {innerResults.Count} results for {scored.Count} texts.");
        }

        for (var j = 0; j < scored.Count; j++)
        {
            var i = scored[j];
            var result = innerResults[j];
            results[i] = result.Language == languages[i] ? result : result with { Language = languages[i] };
        }

        return results;
    }

    private bool IsScored(string language) =>
        language == LanguageCodes.Undetermined ? scoreUndetermined : supported.Contains(language);
}
