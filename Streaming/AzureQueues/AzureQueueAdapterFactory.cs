namespace Insights.Streaming.AzureQueues;

using Insights.Lake.Zones;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Providers.Streams.Common;
using Orleans.Serialization;
using Orleans.Streams;

/// <summary>
/// Builds the Azure queue stream provider's parts: adapter, receivers, hash-ring mapping of streams to
/// <c>{QueuePrefix}-{n}</c>, the in-memory cache and the failure handler.
/// </summary>
public sealed class AzureQueueAdapterFactory : IQueueAdapterFactory
{
    private readonly string _name;
    private readonly AzureQueueStreamOptions _options;
    private readonly ILoggerFactory _loggers;
    private readonly HashRingBasedStreamQueueMapper _mapper;
    private readonly SimpleQueueAdapterCache _cache;
    private readonly AzureQueueMessageCodec _codec;
    private readonly AzureQueuePoisonHandler _poison;
    private readonly AzureQueueDeliveryFailureHandler _failureHandler;
    private readonly AzureQueueSet _queues;

    /// <param name="name">The stream provider's name.</param>
    /// <param name="options">Validated connection and queue settings.</param>
    /// <param name="queues">Number of queues; producers and silos must agree.</param>
    /// <param name="cacheOptions">Size of each pulling agent's cache.</param>
    /// <param name="serializer">Orleans' serializer, for the events.</param>
    /// <param name="loggerFactory">Loggers.</param>
    /// <param name="quarantine">Where poison messages go; null where there is no lake (a client).</param>
    /// <param name="clock">Time of quarantine records.</param>
    public AzureQueueAdapterFactory(
        string name,
        AzureQueueStreamOptions options,
        int queues,
        SimpleQueueCacheOptions cacheOptions,
        Serializer serializer,
        ILoggerFactory loggerFactory,
        QuarantineWriter? quarantine = null,
        TimeProvider? clock = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate(AzureQueueStreamOptions.SectionName);
        AzureQueueNames.ValidateCount(queues);
        _name = name;
        _options = options;
        _loggers = loggerFactory;
        _mapper = new HashRingBasedStreamQueueMapper(new HashRingStreamQueueMapperOptions { TotalQueueCount = queues }, name);
        _cache = new SimpleQueueAdapterCache(cacheOptions, name, loggerFactory);
        _codec = new AzureQueueMessageCodec(serializer);
        _poison = new AzureQueuePoisonHandler(quarantine, clock ?? TimeProvider.System, loggerFactory.CreateLogger<AzureQueuePoisonHandler>());
        _failureHandler = new AzureQueueDeliveryFailureHandler(loggerFactory.CreateLogger<AzureQueueDeliveryFailureHandler>());
        _queues = new AzureQueueSet(options);
    }

    /// <summary>
    /// For <c>AddPersistentStreams</c>: options named after the provider (see <see cref="AzureQueueStreamExtensions"/>),
    /// and the lake's quarantine writer when this process has one.
    /// </summary>
    public static AzureQueueAdapterFactory Create(IServiceProvider services, string name) => new(
        name,
        services.GetRequiredService<IOptionsMonitor<AzureQueueStreamOptions>>().Get(name),
        services.GetRequiredService<IOptionsMonitor<HashRingStreamQueueMapperOptions>>().Get(name).TotalQueueCount,
        services.GetRequiredService<IOptionsMonitor<SimpleQueueCacheOptions>>().Get(name),
        services.GetRequiredService<Serializer>(),
        services.GetRequiredService<ILoggerFactory>(),
        services.GetService<QuarantineWriter>(),
        services.GetService<TimeProvider>());

    [Obsolete("Use the overload which accepts a CancellationToken.")]
    public Task<IQueueAdapter> CreateAdapter() => CreateAdapter(CancellationToken.None);

    public Task<IQueueAdapter> CreateAdapter(CancellationToken cancellationToken) =>
        Task.FromResult<IQueueAdapter>(new AzureQueueAdapter(_name, _queues, _mapper, _codec, CreateReceiver));

    public IQueueAdapterCache GetQueueAdapterCache() => _cache;

    public IStreamQueueMapper GetStreamQueueMapper() => _mapper;

    public Task<IStreamFailureHandler> GetDeliveryFailureHandler(QueueId queueId) => Task.FromResult<IStreamFailureHandler>(_failureHandler);

    private AzureQueueAdapterReceiver CreateReceiver(QueueId queueId) =>
        new(queueId, _queues, _codec, _poison, _options, _loggers.CreateLogger<AzureQueueAdapterReceiver>());
}
