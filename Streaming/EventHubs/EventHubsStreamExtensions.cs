namespace Insights.Streaming.EventHubs;

using Insights.Lake.Writing;
using Insights.Lake.Zones;
using Insights.Wire;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;
using Orleans.Hosting;

public static class EventHubsStreamExtensions
{
    /// <summary>
    /// Reads the hub: one pulling agent per partition, spread over silos by the Orleans queue balancer. The silo also
    /// needs the lake (<c>AddInsightsLake</c>); the raw and quarantine writers are registered here when missing, and
    /// events are validated under <c>Insights:Ingest</c> like the API's.
    /// </summary>
    public static ISiloBuilder AddEventHubsStreams(
        this ISiloBuilder silo, string name, EventHubsStreamOptions options, Action<ISiloPersistentStreamConfigurator>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(silo);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate(EventHubsStreamOptions.SectionName);
        AddWriterIfMissing<RawZoneWriter>(silo.Services);
        AddWriterIfMissing<QuarantineWriter>(silo.Services);
        silo.Services.AddOptions<IngestLimits>().Configure(limits => silo.Configuration.GetSection(IngestLimits.SectionName).Bind(limits));
        silo.AddPersistentStreams(name, (services, n) => EventHubsAdapterFactory.Create(services, n, options), configurator =>
        {
            configure?.Invoke(configurator);

            // After the caller's settings: checkpoints are only right when each delivery is one container (see
            // EventHubsQueueAdapterReceiver); a container already carries a video's events of a whole read.
            configurator.ConfigureDelegate(services =>
                services.PostConfigure<StreamPullingAgentOptions>(name, agent => agent.BatchContainerBatchSize = 1));
        });
        return silo;
    }

    /// <summary>Publishes to the hub (the API's side); creates no receivers, so it needs no lake.</summary>
    public static IClientBuilder AddEventHubsStreams(
        this IClientBuilder client, string name, EventHubsStreamOptions options, Action<IClusterClientPersistentStreamConfigurator>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate(EventHubsStreamOptions.SectionName);
        return client.AddPersistentStreams(name, (services, n) => EventHubsAdapterFactory.Create(services, n, options), configurator => configure?.Invoke(configurator));
    }

    private static void AddWriterIfMissing<TWriter>(IServiceCollection services)
        where TWriter : class, ILakeWriter
    {
        if (services.Any(d => d.ServiceType == typeof(TWriter)))
        {
            return;
        }

        services.AddSingleton<TWriter>();
        services.AddSingleton<ILakeWriter>(sp => sp.GetRequiredService<TWriter>());
    }
}
