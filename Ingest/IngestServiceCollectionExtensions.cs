namespace Insights.Ingest;

using Insights.Delivery;
using Insights.Lake.Hosting;
using Insights.Wire;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

public static class IngestServiceCollectionExtensions
{
    /// <summary>
    /// The ingest path (<see cref="EventIngestor"/>) with the lake writers it lands in, its limits
    /// (<c>Insights:Ingest</c>, <c>Insights:Api:MaxJsonDepth</c>) and a keyed <see cref="IEventSink"/> per in-process
    /// producer: <c>GetRequiredKeyedService&lt;IEventSink&gt;("tiktok")</c>. Needs <c>AddInsightsLake</c> and an
    /// <see cref="Orleans.IClusterClient"/> (every silo and every client has one).
    /// </summary>
    public static IServiceCollection AddInsightsIngest(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddInsightsLakeIngestWriters();
        services.AddOptions<IngestLimits>().Bind(configuration.GetSection(IngestLimits.SectionName));
        services.AddOptions<IngestJsonOptions>().Bind(configuration.GetSection(IngestJsonOptions.SectionName));
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<EventIngestor>();
        services.TryAddKeyedSingleton<IEventSink>(KeyedService.AnyKey, (sp, key) => new IngestEventSink(
            sp.GetRequiredService<EventIngestor>(), sp.GetRequiredService<IOptions<IngestLimits>>(), (string)key!));
        return services;
    }
}
