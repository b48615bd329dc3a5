namespace Insights.Api.Sources;

using Insights.Sources;
using Insights.Sources.Hosting;
using Microsoft.Extensions.DependencyInjection.Extensions;

public static class SourcesServiceCollectionExtensions
{
    /// <summary>
    /// The API's event sources (<c>Insights:Sources:*</c>; the TikTok Research API source when
    /// <c>Insights:Sources:TikTok:Enabled</c> is true), sending in-process through <see cref="Ingest.EventIngestor"/>.
    /// Nothing runs while every source is disabled (the default).
    /// </summary>
    public static IServiceCollection AddInsightsSources(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton<IEventSink>(sp =>
            ActivatorUtilities.CreateInstance<EventIngestorSink>(sp, "tiktok"));
        return services.AddInsightsEventSources(configuration);
    }
}
