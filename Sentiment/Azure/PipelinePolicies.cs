namespace Insights.Sentiment.Azure;

using System.Globalization;
using global::Azure;
using global::Azure.Core;
using global::Azure.Core.Pipeline;

/// <summary>Options of the HTTP pipeline (retries, timeouts, transport, diagnostics).</summary>
internal sealed class LanguageClientOptions : ClientOptions
{
}

/// <summary>
/// Stamps the resource key as the <c>Ocp-Apim-Subscription-Key</c> header on every attempt. (Azure.Core's own
/// <c>AzureKeyCredentialPolicy</c> is internal.) The key is read from the <see cref="AzureKeyCredential"/> each
/// time, so <see cref="AzureKeyCredential.Update"/> rotates it without a restart.
/// </summary>
internal sealed class SubscriptionKeyPolicy(AzureKeyCredential credential) : HttpPipelineSynchronousPolicy
{
    public const string HeaderName = "Ocp-Apim-Subscription-Key";

    public override void OnSendingRequest(HttpMessage message) => message.Request.Headers.SetValue(HeaderName, credential.Key);
}

/// <summary>
/// Azure.Core's retry policy (transient statuses 408, 429, 500, 502, 503, 504 and connection errors; exponential
/// backoff with jitter, at least the service's <c>Retry-After</c>) with one bound: a server-requested delay longer
/// than <paramref name="maxServerDelay"/> is not waited for; the request fails at once instead, so the caller can
/// fall back rather than stall.
/// </summary>
internal sealed class BoundedRetryPolicy(int maxRetries, DelayStrategy delay, TimeSpan maxServerDelay, Action onRetry)
    : RetryPolicy(maxRetries, delay)
{
    protected override bool ShouldRetry(HttpMessage message, Exception? exception) =>
        Decide(base.ShouldRetry(message, exception), message);

    protected override async ValueTask<bool> ShouldRetryAsync(HttpMessage message, Exception? exception) =>
        Decide(await base.ShouldRetryAsync(message, exception).ConfigureAwait(false), message);

    private bool Decide(bool retriable, HttpMessage message)
    {
        if (!retriable)
        {
            return false;
        }

        if (message.HasResponse && ServerDelay(message.Response) is { } requested && requested > maxServerDelay)
        {
            return false;
        }

        onRetry();
        return true;
    }

    /// <summary>The delay the service asks for: <c>retry-after-ms</c>, <c>x-ms-retry-after-ms</c>, or <c>Retry-After</c> (seconds or HTTP date).</summary>
    internal static TimeSpan? ServerDelay(Response response)
    {
        foreach (var name in (ReadOnlySpan<string>)["retry-after-ms", "x-ms-retry-after-ms"])
        {
            if (response.Headers.TryGetValue(name, out var ms)
                && double.TryParse(ms, NumberStyles.Float, CultureInfo.InvariantCulture, out var milliseconds) && milliseconds >= 0)
            {
                return TimeSpan.FromMilliseconds(milliseconds);
            }
        }

        if (response.Headers.TryGetValue("Retry-After", out var retryAfter))
        {
            if (int.TryParse(retryAfter, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
            {
                return TimeSpan.FromSeconds(seconds);
            }

            if (DateTimeOffset.TryParseExact(retryAfter, "r", CultureInfo.InvariantCulture, DateTimeStyles.None, out var at))
            {
                var wait = at - DateTimeOffset.UtcNow;
                return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
            }
        }

        return null;
    }
}
