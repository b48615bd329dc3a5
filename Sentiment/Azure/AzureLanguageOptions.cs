namespace Insights.Sentiment.Azure;

/// <summary>
/// Settings of the Azure AI Language sentiment analyzer, bound from <c>Insights:Sentiment:Azure</c>. Secrets
/// (<see cref="Key"/>) come only from configuration or the environment
/// (<c>Insights__Sentiment__Azure__Key</c>); without a key the analyzer authenticates with Entra ID
/// (<c>DefaultAzureCredential</c>).
/// </summary>
public sealed class AzureLanguageOptions
{
    /// <summary>Service limit of the synchronous sentiment API: documents per request.</summary>
    public const int ServiceMaxDocumentsPerRequest = 10;

    /// <summary>Service limit of the synchronous sentiment API: characters per document.</summary>
    public const int ServiceMaxDocumentLength = 5120;

    /// <summary>Scope of Entra ID tokens for Cognitive Services.</summary>
    public const string TokenScope = "https://cognitiveservices.azure.com/.default";

    /// <summary>The resource endpoint, e.g. <c>https://my-language.cognitiveservices.azure.com/</c>. Required.</summary>
    public Uri? Endpoint { get; set; }

    /// <summary>
    /// Resource key, sent as the <c>Ocp-Apim-Subscription-Key</c> header. Empty: Entra ID with
    /// <c>DefaultAzureCredential</c> (HTTPS endpoints only).
    /// </summary>
    public string? Key { get; set; }

    /// <summary>The <c>api-version</c> query parameter; also part of the analyzer name recorded with every score.</summary>
    public string ApiVersion { get; set; } = "2023-04-01";

    /// <summary>The <c>modelVersion</c> parameter.</summary>
    public string ModelVersion { get; set; } = "latest";

    /// <summary>
    /// Language of documents whose language is not identified (language identification off, or no letters to tell
    /// by); identified documents carry their own (<c>Insights:Sentiment:LanguageIdentification</c>).
    /// </summary>
    public string Language { get; set; } = "en";

    /// <summary>Documents per request, 1 to 10.</summary>
    public int MaxDocumentsPerRequest { get; set; } = ServiceMaxDocumentsPerRequest;

    /// <summary>
    /// Longest document sent, in UTF-16 characters, 1 to 5,120. Longer texts are truncated (not split) at a
    /// text-element boundary; only the beginning is scored.
    /// </summary>
    public int MaxDocumentLength { get; set; } = ServiceMaxDocumentLength;

    /// <summary>Longest time one request may take, all retries and their delays included.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Longest time one attempt may take.</summary>
    public TimeSpan NetworkTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Retries of a request after a transient failure (429, 408, 500, 502, 503, 504, connection errors).</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>First retry delay; it doubles (with jitter) on each retry up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// Longest wait before a retry. A <c>Retry-After</c> from the service is honoured up to this long; a longer
    /// one ends the retries at once (the failure surfaces, or falls back to the local analyzer).
    /// </summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Requests in flight at once per silo.</summary>
    public int MaxConcurrentRequests { get; set; } = 8;

    /// <summary>Longest a text waits for a request to fill before a partial request is sent.</summary>
    public TimeSpan BatchWindow { get; set; } = TimeSpan.FromMilliseconds(20);

    /// <summary>With local fallback: failed requests, with no success among them within <see cref="BreakerSamplingDuration"/>, that open the circuit (at least 2).</summary>
    public int BreakerFailureThreshold { get; set; } = 5;

    /// <summary>With local fallback: the window in which failed requests are counted (at least 0.5 s).</summary>
    public TimeSpan BreakerSamplingDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>With local fallback: how long the circuit stays open (everything scored locally) before a probe (at least 0.5 s).</summary>
    public TimeSpan BreakerCooldown { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// With local fallback: longest a caller waits for remote scores (queueing included); what is still unscored
    /// then is scored locally, so a slow or saturated service never stalls a video's stream.
    /// </summary>
    public TimeSpan FallbackAfter { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>The analyzer name recorded with remote scores, e.g. <c>azure-language/2023-04-01</c>.</summary>
    public string AnalyzerName => AnalyzerNamePrefix + ApiVersion;

    internal const string AnalyzerNamePrefix = "azure-language/";

    /// <summary>Throws naming the first invalid setting as <c>{section}:{Setting}</c>.</summary>
    /// <param name="section">The configuration path the options were bound from, used in messages.</param>
    /// <exception cref="InvalidOperationException">A setting is missing or out of range.</exception>
    public void Validate(string section = "Insights:Sentiment:Azure")
    {
        var errors = new List<string>();
        if (Endpoint is null)
        {
            errors.Add($"{section}:Endpoint is required (the Language resource endpoint, e.g. https://<name>.cognitiveservices.azure.com/)");
        }
        else if (!Endpoint.IsAbsoluteUri || (Endpoint.Scheme != Uri.UriSchemeHttps && Endpoint.Scheme != Uri.UriSchemeHttp))
        {
            errors.Add($"{section}:Endpoint '{Endpoint}' must be an absolute http(s) URL");
        }
        else if (string.IsNullOrEmpty(Key) && Endpoint.Scheme != Uri.UriSchemeHttps)
        {
            errors.Add($"{section}:Endpoint must use https when no {section}:Key is set (Entra ID tokens are only sent over TLS)");
        }

        Require(string.IsNullOrWhiteSpace(ApiVersion), $"{section}:ApiVersion is required");
        Require(string.IsNullOrWhiteSpace(ModelVersion), $"{section}:ModelVersion is required");
        Require(string.IsNullOrWhiteSpace(Language), $"{section}:Language is required");
        Require(MaxDocumentsPerRequest is < 1 or > ServiceMaxDocumentsPerRequest,
            $"{section}:MaxDocumentsPerRequest {MaxDocumentsPerRequest} must be 1 to {ServiceMaxDocumentsPerRequest}");
        Require(MaxDocumentLength is < 1 or > ServiceMaxDocumentLength,
            $"{section}:MaxDocumentLength {MaxDocumentLength} must be 1 to {ServiceMaxDocumentLength}");
        Require(Timeout <= TimeSpan.Zero, $"{section}:Timeout must be positive");
        Require(NetworkTimeout <= TimeSpan.Zero, $"{section}:NetworkTimeout must be positive");
        Require(MaxRetries is < 0 or > 10, $"{section}:MaxRetries {MaxRetries} must be 0 to 10");
        Require(RetryDelay < TimeSpan.Zero, $"{section}:RetryDelay must not be negative");
        Require(MaxRetryDelay < RetryDelay, $"{section}:MaxRetryDelay must be at least RetryDelay");
        Require(MaxConcurrentRequests < 1, $"{section}:MaxConcurrentRequests {MaxConcurrentRequests} must be at least 1");
        Require(BatchWindow < TimeSpan.Zero || BatchWindow > TimeSpan.FromSeconds(5), $"{section}:BatchWindow must be 0 to 5 seconds");
        Require(BreakerFailureThreshold < Remote.FallbackOptions.ShortestFailureThreshold,
            $"{section}:BreakerFailureThreshold {BreakerFailureThreshold} must be at least {Remote.FallbackOptions.ShortestFailureThreshold}");
        Require(BreakerSamplingDuration < Remote.FallbackOptions.ShortestDuration, $"{section}:BreakerSamplingDuration must be at least {Remote.FallbackOptions.ShortestDuration}");
        Require(BreakerCooldown < Remote.FallbackOptions.ShortestDuration, $"{section}:BreakerCooldown must be at least {Remote.FallbackOptions.ShortestDuration}");
        Require(FallbackAfter <= TimeSpan.Zero, $"{section}:FallbackAfter must be positive");
        if (errors.Count > 0)
        {
            throw new InvalidOperationException(string.Join("; ", errors) + ".");
        }

        void Require(bool failed, string message)
        {
            if (failed)
            {
                errors.Add(message);
            }
        }
    }

    /// <summary>A copy, so a running analyzer never sees later changes.</summary>
    public AzureLanguageOptions Clone() => (AzureLanguageOptions)MemberwiseClone();
}
