namespace Insights.Sentiment.Azure;

using global::Azure.Core;
using global::Azure.Core.Pipeline;
using Insights.Sentiment.Language;
using Insights.Sentiment.Remote;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

/// <summary>Assembles the per-silo remote analyzer from <see cref="AzureLanguageOptions"/>.</summary>
public static class AzureSentiment
{
    /// <summary>
    /// A <see cref="SentimentBatcher"/> (requests of <see cref="AzureLanguageOptions.MaxDocumentsPerRequest"/>,
    /// <see cref="AzureLanguageOptions.BatchWindow"/>, <see cref="AzureLanguageOptions.MaxConcurrentRequests"/>) over
    /// <list type="bullet">
    /// <item>without fallback: the <see cref="AzureLanguageSentimentAnalyzer"/>; a request failing after its
    /// retries fails the callers of its texts;</item>
    /// <item>with fallback: a <see cref="FallbackSentimentAnalyzer"/> (Polly circuit breaker from
    /// <see cref="AzureLanguageOptions.BreakerFailureThreshold"/>, <see cref="AzureLanguageOptions.BreakerSamplingDuration"/>
    /// and <see cref="AzureLanguageOptions.BreakerCooldown"/>)
    /// over it, with the local analyzer as fallback, and <see cref="AzureLanguageOptions.FallbackAfter"/> as the
    /// longest any caller waits; comments are then never lost nor stalled.</item>
    /// </list>
    /// In both, documents the service rejects one by one and blank texts are scored by <paramref name="local"/>.
    /// With <paramref name="languageIdentifier"/>, each document goes with its identified language as the service's hint.
    /// Dispose the batcher when done.
    /// </summary>
    public static SentimentBatcher CreateAnalyzer(
        AzureLanguageOptions options,
        bool localFallback,
        ISentimentAnalyzer local,
        ILoggerFactory? loggerFactory = null,
        TokenCredential? credential = null,
        HttpPipelineTransport? transport = null,
        TimeProvider? timeProvider = null,
        LanguageIdentifier? languageIdentifier = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(local);
        loggerFactory ??= NullLoggerFactory.Instance;
        var azure = new AzureLanguageSentimentAnalyzer(
            options, local, loggerFactory.CreateLogger<AzureLanguageSentimentAnalyzer>(), credential, transport, languageIdentifier);
        var batching = new SentimentBatcherOptions
        {
            MaxBatchSize = options.MaxDocumentsPerRequest,
            Window = options.BatchWindow,
            MaxConcurrentBatches = options.MaxConcurrentRequests,
        };
        if (!localFallback)
        {
            return new SentimentBatcher(azure, batching, logger: loggerFactory.CreateLogger<SentimentBatcher>(), timeProvider: timeProvider);
        }

        var breaker = new FallbackOptions
        {
            FailureThreshold = options.BreakerFailureThreshold,
            SamplingDuration = options.BreakerSamplingDuration,
            Cooldown = options.BreakerCooldown,
        };
        var guarded = new FallbackSentimentAnalyzer(azure, local, breaker, loggerFactory.CreateLogger<FallbackSentimentAnalyzer>(), timeProvider);
        batching.MaxWait = options.FallbackAfter;
        return new SentimentBatcher(guarded, batching, local, loggerFactory.CreateLogger<SentimentBatcher>(), timeProvider);
    }
}
