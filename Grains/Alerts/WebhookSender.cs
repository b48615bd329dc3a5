namespace Insights.Grains.Alerts;

using System.Net;
using System.Net.Http.Headers;
using Insights.Alerts;
using Insights.Grains.Domain.Alerts;

/// <summary>What one attempt came to.</summary>
public readonly record struct DeliveryOutcome(bool Delivered, string? Error, bool Permanent)
{
    public static readonly DeliveryOutcome Success = new(true, null, false);
}

/// <summary>
/// One signed POST of an alert to a webhook: no retry here (the alerts grain's outbox retries, across restarts) and
/// no redirect followed (a redirect could point the silo anywhere). 2xx is delivered; 408, 429, 5xx, timeouts and
/// connection failures are tried again; any other answer is the receiver refusing it for good.
/// </summary>
public sealed class WebhookSender(IHttpClientFactory clients, TimeProvider clock)
{
    /// <summary>The <see cref="IHttpClientFactory"/> client of deliveries.</summary>
    public const string HttpClientName = "insights-alerts";

    public async Task<DeliveryOutcome> SendAsync(WebhookSubscription subscription, Alert alert, CancellationToken cancellationToken)
    {
        var body = AlertPayload.Serialize(alert);
        using var request = new HttpRequestMessage(HttpMethod.Post, subscription.Url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Headers.Add(WebhookSignature.Header, WebhookSignature.Sign(subscription.Secret, clock.GetUtcNow().ToUnixTimeSeconds(), body));
        request.Headers.Add(WebhookSignature.DeliveryHeader, alert.Id);
        request.Headers.UserAgent.Add(new ProductInfoHeaderValue("Insights-Alerts", "1"));
        try
        {
            using var response = await clients.CreateClient(HttpClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            var status = (int)response.StatusCode;
            if (response.IsSuccessStatusCode)
            {
                return DeliveryOutcome.Success;
            }

            var retried = status >= 500 || response.StatusCode is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests;
            return new DeliveryOutcome(false, $"HTTP {status} {response.ReasonPhrase}", Permanent: !retried);
        }
        catch (HttpRequestException ex)
        {
            return new DeliveryOutcome(false, ex.Message, Permanent: false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new DeliveryOutcome(false, "timed out", Permanent: false);
        }
    }
}
