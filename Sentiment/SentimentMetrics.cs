namespace Insights.Sentiment;

using System.Diagnostics.Metrics;

/// <summary>
/// Meter <c>Insights.Sentiment</c>: the remote scoring path (batches sent, texts, fallbacks, Azure requests). The
/// analyzers also keep per-instance totals for their own statistics; these are the same increments, for the whole
/// process and exported.
/// </summary>
internal static class SentimentMetrics
{
    public const string MeterName = "Insights.Sentiment";

    private static readonly Meter Meter = new(MeterName);

    public static readonly Counter<long> Batches = Meter.CreateCounter<long>(
        "insights.sentiment.batches", "{batch}", "Batches the per-silo batcher sent to the remote analyzer");

    public static readonly Counter<long> BatchedTexts = Meter.CreateCounter<long>(
        "insights.sentiment.batched_texts", "{text}", "Texts sent in those batches");

    public static readonly Counter<long> OverflowTexts = Meter.CreateCounter<long>(
        "insights.sentiment.overflow_texts", "{text}", "Texts scored by the overflow analyzer because their caller waited too long");

    public static readonly Counter<long> FallbackTexts = Meter.CreateCounter<long>(
        "insights.sentiment.fallbacks", "{text}", "Texts the local analyzer scored because the remote one failed or its circuit was open");

    public static readonly Counter<long> FailedCalls = Meter.CreateCounter<long>(
        "insights.sentiment.failed_calls", "{call}", "Calls to the remote analyzer that failed and fell back");

    public static readonly Counter<long> AzureRequests = Meter.CreateCounter<long>(
        "insights.sentiment.azure.requests", "{request}", "Requests sent to Azure AI Language");

    public static readonly Counter<long> AzureFailedRequests = Meter.CreateCounter<long>(
        "insights.sentiment.azure.failed_requests", "{request}", "Requests to Azure AI Language that failed after their retries");

    public static readonly Counter<long> AzureRetries = Meter.CreateCounter<long>(
        "insights.sentiment.azure.retries", "{retry}", "Retries of Azure AI Language requests");

    public static readonly Counter<long> AzureDocuments = Meter.CreateCounter<long>(
        "insights.sentiment.azure.documents", "{document}", "Documents sent to Azure AI Language");

    public static readonly Counter<long> AzureDocumentErrors = Meter.CreateCounter<long>(
        "insights.sentiment.azure.document_errors", "{document}", "Documents Azure AI Language refused");

    public static readonly Counter<long> AzureTruncatedDocuments = Meter.CreateCounter<long>(
        "insights.sentiment.azure.truncated_documents", "{document}", "Documents cut to Azure AI Language's length limit");

    public static readonly Counter<long> AzureBlankTexts = Meter.CreateCounter<long>(
        "insights.sentiment.azure.blank_texts", "{text}", "Blank texts scored locally instead of being sent");
}
