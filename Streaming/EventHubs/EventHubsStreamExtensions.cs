namespace Insights.Streaming.EventHubs;

using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;
using Insights.Wire;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Hosting;
using Orleans.Serialization;
using Orleans.Streaming.EventHubs;

/// <summary>
/// Insights' wiring of the official Event Hubs provider (<c>AddEventHubStreams</c>): the connection (connection string
/// or Entra ID), the Azure Table checkpointer, the start position, the cache ages that bound checkpoints, and
/// <see cref="InsightsEventHubDataAdapter"/>, which reads the API's Orleans messages and other producers' wire JSON.
/// </summary>
public static class EventHubsStreamExtensions
{
    /// <summary>
    /// Reads the hub: one pulling agent per partition, spread over silos by the Orleans queue balancer, checkpoints in
    /// an Azure table. Events from other producers are validated under <c>Insights:Ingest</c> like the API's.
    /// </summary>
    public static ISiloBuilder AddEventHubsStreams(
        this ISiloBuilder silo, string name, EventHubsStreamOptions options, Action<ISiloEventHubStreamConfigurator>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(silo);
        ArgumentNullException.ThrowIfNull(options); // checked by EventHubsStreamOptionsValidator where the provider is chosen

        silo.Services.AddOptions<IngestLimits>().Configure(limits => silo.Configuration.GetSection(IngestLimits.SectionName).Bind(limits));
        var credential = new Lazy<TokenCredential>(() => new DefaultAzureCredential());
        return silo.AddEventHubStreams(name, c =>
        {
            c.ConfigureEventHub(b => b.Configure(o => Connect(o, options, credential)));
            c.UseAzureTableCheckpointer(b => b.Configure(o =>
            {
                o.TableName = options.Checkpoint.TableName;
                o.PersistInterval = options.Checkpoint.PersistInterval;
                if (options.Checkpoint.TableServiceUri is { } uri)
                {
                    o.TableServiceClient = new TableServiceClient(uri, credential.Value);
                }
                else
                {
                    o.TableServiceClient = new TableServiceClient(options.Checkpoint.ConnectionString);
                }
            }));
            c.ConfigurePartitionReceiver(b => b.Configure(o => o.StartFromNow = !options.StartsFromEarliest));
            c.ConfigureCacheEviction(b => b.Configure(o =>
            {
                o.DataMinTimeInCache = options.DataMinTimeInCache;
                o.DataMaxAgeInCache = options.DataMaxAgeInCache;
            }));
            c.UseDataAdapter(CreateDataAdapter);
            configure?.Invoke(c);
        });
    }

    /// <summary>Publishes to the hub (the API's side): Orleans-format messages, partition key = the video id.</summary>
    public static IClientBuilder AddEventHubsStreams(
        this IClientBuilder client, string name, EventHubsStreamOptions options, Action<IClusterClientEventHubStreamConfigurator>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(options); // checked by EventHubsStreamOptionsValidator where the provider is chosen
        var credential = new Lazy<TokenCredential>(() => new DefaultAzureCredential());
        return client.AddEventHubStreams(name, c =>
        {
            c.ConfigureEventHub(b => b.Configure(o => Connect(o, options, credential)));
            configure?.Invoke(c);
        });
    }

    /// <summary>The data adapter for a provider, as <c>UseDataAdapter</c> wants it (tests use it with the data generator).</summary>
    public static IEventHubDataAdapter CreateDataAdapter(IServiceProvider services, string name)
    {
        var clock = services.GetService<TimeProvider>() ?? TimeProvider.System;
        var limits = services.GetService<IOptions<IngestLimits>>()?.Value ?? new IngestLimits();
        return new InsightsEventHubDataAdapter(services.GetRequiredService<Serializer>(), new WireEventParser(limits, clock), clock);
    }

    private static void Connect(EventHubOptions hub, EventHubsStreamOptions options, Lazy<TokenCredential> credential)
    {
        if (!string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            hub.ConfigureEventHubConnection(options.ConnectionString, options.Path, options.ConsumerGroup);
        }
        else
        {
            hub.ConfigureEventHubConnection(options.FullyQualifiedNamespace!, options.Path, options.ConsumerGroup, credential.Value);
        }
    }
}
