namespace Insights.Streaming.EventHubs;

using Insights.Lake.Zones;
using Insights.Streaming.EventHubs.Kafka;
using Insights.Wire;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Providers.Streams.Common;
using Orleans.Streams;

/// <summary>
/// The Event Hubs (Kafka) persistent stream provider: one queue per partition, Orleans' simple in-memory cache, and no
/// failure handler beyond logging (a container Orleans gives up on stays in the raw zone). Used by the silo (reading)
/// and the API (publishing); only the silo creates receivers, so only the silo needs the lake writers.
/// </summary>
public sealed class EventHubsAdapterFactory : IQueueAdapterFactory, IDisposable
{
    private readonly string _name;
    private readonly EventHubsStreamOptions _options;
    private readonly IServiceProvider _services;
    private readonly ILoggerFactory _loggers;
    private readonly EventHubsQueueMapper _mapper;
    private readonly IKafkaClients _kafka;
    private readonly Lazy<IPartitionProducer> _producer;
    private readonly Lazy<LakeLanding> _lake;
    private readonly Lazy<IQueueAdapterCache> _cache;
    private readonly EventHubsQueueAdapter _adapter;

    public EventHubsAdapterFactory(string name, EventHubsStreamOptions options, IServiceProvider services)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate(EventHubsStreamOptions.SectionName);
        _name = name;
        _options = options;
        _services = services;
        _loggers = services.GetService<ILoggerFactory>() ?? Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance;
        _mapper = new EventHubsQueueMapper(options.Partitions, name);
        _kafka = services.GetKeyedService<IKafkaClients>(name) ?? new KafkaClients(options, _loggers);
        _producer = new(_kafka.CreateProducer);
        _lake = new(CreateLanding);
        _cache = new(() => new SimpleQueueAdapterCache(
            services.GetService<IOptionsMonitor<SimpleQueueCacheOptions>>()?.Get(name) ?? new SimpleQueueCacheOptions(), name, _loggers));
        _adapter = new EventHubsQueueAdapter(name, _mapper, () => _producer.Value, CreateReceiver);
    }

    /// <summary>For <c>AddPersistentStreams</c>.</summary>
    public static EventHubsAdapterFactory Create(IServiceProvider services, string name, EventHubsStreamOptions options) =>
        new(name, options, services);

    public Task<IQueueAdapter> CreateAdapter() => Task.FromResult<IQueueAdapter>(_adapter);

    public IQueueAdapterCache GetQueueAdapterCache() => _cache.Value;

    public IStreamQueueMapper GetStreamQueueMapper() => _mapper;

    public Task<IStreamFailureHandler> GetDeliveryFailureHandler(QueueId queueId) =>
        Task.FromResult<IStreamFailureHandler>(new NoOpStreamDeliveryFailureHandler(false));

    public void Dispose()
    {
        if (_producer.IsValueCreated)
        {
            _producer.Value.Dispose();
        }
    }

    internal IQueueAdapterReceiver CreateReceiver(QueueId queueId)
    {
        var clock = _services.GetService<TimeProvider>() ?? TimeProvider.System;
        var limits = _services.GetService<IOptions<IngestLimits>>()?.Value ?? new IngestLimits();
        return new EventHubsQueueAdapterReceiver(
            _mapper.PartitionOf(queueId),
            _options,
            _kafka,
            new EventHubsMessageDecoder(new WireEventParser(limits, clock)),
            _lake.Value,
            clock,
            _loggers.CreateLogger($"Insights.Streaming.EventHubs.{_name}"));
    }

    private LakeLanding CreateLanding()
    {
        var raw = _services.GetService<RawZoneWriter>();
        var quarantine = _services.GetService<QuarantineWriter>();
        if (raw is null || quarantine is null)
        {
            throw new InvalidOperationException(
                "The Event Hubs stream provider lands what it reads in the lake: register the lake (AddInsightsLake) and its " +
                "RawZoneWriter and QuarantineWriter in the silo (AddEventHubsStreams registers the writers when missing).");
        }

        return new LakeLanding(raw, quarantine);
    }
}
