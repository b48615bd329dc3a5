namespace Insights.Silo.Hosting;

using Insights.Sentiment;
using Insights.Sentiment.Azure;
using Insights.Sentiment.Language;
using Insights.Sentiment.Remote;

public static class SentimentExtensions
{
    public const string SectionName = "Insights:Sentiment";

    public const string AzureSectionName = SectionName + ":Azure";

    /// <summary>The key of the local analyzer in the service collection (the one <c>Local</c> scores with, and Azure's fallback).</summary>
    public const string LocalAnalyzerKey = "local";

    /// <summary>
    /// The analyzer video grains score comments with, from <c>Insights:Sentiment:Analyzer</c>:
    /// <list type="bullet">
    /// <item><c>Local</c> (default): the local analyzer, chosen by <c>Insights:Sentiment:Local:Model</c>: <c>Learned</c>
    /// (default, <see cref="LearnedSentimentAnalyzer"/>, the committed model) or <c>Lexicon</c>
    /// (<see cref="LexiconSentimentAnalyzer"/>, the rule-based fallback);</item>
    /// <item><c>Azure</c>: Azure AI Language (settings in <c>Insights:Sentiment:Azure</c>), texts of all grains of
    /// the silo batched into requests of up to 10 documents; a request failing after its retries fails its callers
    /// (their comments are counted unscored);</item>
    /// <item><c>AzureWithLocalFallback</c>: the same, with a circuit breaker and the local analyzer scoring whatever
    /// Azure cannot (outage, open circuit, rejected document, a caller waiting longer than <c>FallbackAfter</c>).</item>
    /// </list>
    /// Before either, unless <c>Insights:Sentiment:LanguageIdentification:Enabled</c> is false, each comment's language
    /// is identified (<see cref="LanguageAwareSentimentAnalyzer"/>): comments in languages outside
    /// <c>SupportedLanguages</c> get a neutral, low-confidence score, the others go to the analyzer, Azure receiving
    /// the language as each document's hint; every score carries the language.
    /// Settings are checked here, so a bad value stops the silo at start with a message naming the key.
    /// </summary>
    public static IServiceCollection AddInsightsSentiment(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(SectionName);
        var analyzer = section["Analyzer"] ?? "Local";
        var languages = ReadLanguageOptions(configuration);
        var identifier = languages.Enabled ? new LanguageIdentifier() : null;
        if (identifier is not null)
        {
            languages.Validate(identifier.Model);
            services.AddSingleton(identifier);
        }

        var createLocal = LocalSentimentModel.Factory(configuration);
        services.AddKeyedSingleton(LocalAnalyzerKey, (_, _) => createLocal());

        switch (analyzer)
        {
            case "Local":
                services.AddSingleton(sp => WithLanguages(sp.GetRequiredKeyedService<ISentimentAnalyzer>(LocalAnalyzerKey), identifier, languages));
                break;
            case "Azure":
            case "AzureWithLocalFallback":
                var options = ReadAzureOptions(configuration);
                var localFallback = analyzer == "AzureWithLocalFallback";
                // Its own registration, so the container disposes the batcher.
                services.AddSingleton(sp => AzureSentiment.CreateAnalyzer(
                    options,
                    localFallback,
                    sp.GetRequiredKeyedService<ISentimentAnalyzer>(LocalAnalyzerKey),
                    sp.GetRequiredService<ILoggerFactory>(),
                    languageIdentifier: identifier));
                services.AddSingleton<ISentimentAnalyzer>(sp => WithLanguages(sp.GetRequiredService<SentimentBatcher>(), identifier, languages));
                break;
            default:
                throw new InvalidOperationException(
                    $"{SectionName}:Analyzer '{analyzer}' is not supported (use Local, Azure or AzureWithLocalFallback).");
        }

        return services;
    }

    /// <summary>Binds <c>Insights:Sentiment:LanguageIdentification</c>; throws naming the offending key.</summary>
    public static LanguageIdentificationOptions ReadLanguageOptions(IConfiguration configuration)
    {
        try
        {
            return configuration.GetSection(LanguageIdentificationOptions.SectionName).Get<LanguageIdentificationOptions>() ?? new LanguageIdentificationOptions();
        }
        catch (InvalidOperationException ex)
        {
            throw new InvalidOperationException($"{LanguageIdentificationOptions.SectionName}: {ex.Message}", ex);
        }
    }

    private static ISentimentAnalyzer WithLanguages(ISentimentAnalyzer analyzer, LanguageIdentifier? identifier, LanguageIdentificationOptions options) =>
        identifier is null ? analyzer : new LanguageAwareSentimentAnalyzer(analyzer, identifier, options);

    /// <summary>Binds and checks <c>Insights:Sentiment:Azure</c>; throws naming the offending key.</summary>
    public static AzureLanguageOptions ReadAzureOptions(IConfiguration configuration)
    {
        var section = configuration.GetSection(AzureSectionName);
        AzureLanguageOptions options;
        try
        {
            options = section.Get<AzureLanguageOptions>() ?? new AzureLanguageOptions();
        }
        catch (InvalidOperationException ex)
        {
            // The binder names the key and the value it could not convert.
            throw new InvalidOperationException($"{AzureSectionName}: {ex.Message}", ex);
        }

        options.Validate(AzureSectionName);
        return options;
    }
}
