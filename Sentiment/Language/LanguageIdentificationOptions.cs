namespace Insights.Sentiment.Language;

/// <summary>Language identification before sentiment scoring (<c>Insights:Sentiment:LanguageIdentification</c>).</summary>
public sealed class LanguageIdentificationOptions
{
    public const string SectionName = "Insights:Sentiment:LanguageIdentification";

    /// <summary>
    /// On (default): every comment's language is identified, kept with its score, and comments in languages outside
    /// <see cref="SupportedLanguages"/> get a neutral, low-confidence score without being sent to the analyzer. Off:
    /// every comment goes to the analyzer and its language is recorded as undetermined.
    /// </summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Comma-separated ISO 639-1 codes the analyzer scores; each must be one the identifier knows.</summary>
    public string SupportedLanguages { get; set; } = string.Join(",", LanguageCodes.Trained);

    /// <summary>Whether texts with no letters to tell a language by (emoji, numbers) go to the analyzer (default) or are set aside as neutral.</summary>
    public bool ScoreUndetermined { get; set; } = true;

    public IReadOnlyList<string> SupportedLanguageCodes() =>
        [.. SupportedLanguages.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(c => c.ToLowerInvariant()).Distinct()];

    /// <summary>Throws naming the key when a supported language is one the identifier cannot tell.</summary>
    public void Validate(LanguageModel model, string section = SectionName)
    {
        ArgumentNullException.ThrowIfNull(model);
        var unknown = SupportedLanguageCodes().Where(c => !model.Languages.Contains(c)).ToList();
        if (unknown.Count > 0)
        {
            throw new InvalidOperationException(
                $"{section}:SupportedLanguages: {string.Join(", ", unknown)} not among the languages the identifier knows ({string.Join(", ", model.Languages)}).");
        }
    }
}
