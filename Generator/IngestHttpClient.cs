namespace Insights.Generator;

using Microsoft.Extensions.DependencyInjection;

/// <summary>
/// The HttpClient the <see cref="HttpEventSink"/> sends with, from <see cref="IHttpClientFactory"/>: pooled handlers
/// that are recycled (so DNS changes of the API are seen) rather than a client made and kept by hand.
/// </summary>
public static class IngestHttpClient
{
    public const string Name = "insights-ingest";

    /// <summary>How long one request may take; the sink's retries wait between requests, outside this bound.</summary>
    public static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(100);

    /// <summary>Registers the named client for the API at <paramref name="api"/>.</summary>
    public static IHttpClientBuilder AddIngestHttpClient(this IServiceCollection services, Uri api)
    {
        ArgumentNullException.ThrowIfNull(api);
        return services.AddHttpClient(Name, client =>
        {
            client.BaseAddress = api;
            client.Timeout = AttemptTimeout;
        });
    }

    /// <summary>The named client; register it first with <see cref="AddIngestHttpClient"/>.</summary>
    public static HttpClient Create(IServiceProvider services) =>
        services.GetRequiredService<IHttpClientFactory>().CreateClient(Name);
}
