namespace Insights.Sentiment.Azure;

/// <summary>What an <see cref="AzureLanguageSentimentAnalyzer"/> did since it was created.</summary>
/// <param name="Requests">Requests sent (each counted once, however many attempts it took).</param>
/// <param name="FailedRequests">Requests that failed after their retries (status, timeout, connection, unreadable answer).</param>
/// <param name="Retries">Attempts repeated after a transient failure.</param>
/// <param name="Documents">Documents sent.</param>
/// <param name="DocumentErrors">Documents the service answered with an error; they were scored by the local analyzer.</param>
/// <param name="TruncatedDocuments">Documents longer than <c>MaxDocumentLength</c>, sent truncated.</param>
/// <param name="BlankTexts">Empty or blank texts, never sent: scored by the local analyzer (neutral).</param>
public sealed record AzureLanguageStatistics(
    long Requests,
    long FailedRequests,
    long Retries,
    long Documents,
    long DocumentErrors,
    long TruncatedDocuments,
    long BlankTexts);
