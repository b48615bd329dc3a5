namespace Insights.Streaming.AzureQueues;

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;
using Orleans.Providers.Streams.AzureQueue;
using Orleans.Streams;

/// <summary>
/// Orleans' own Azure queue adapter factory, given Insights' delivery failure handler: the provider takes a failure
/// handler only through this protected hook (its default one does nothing, so a message failing forever would come
/// back forever). Adapter, receivers, cache and queue mapper stay Orleans'; each receiver is wrapped in
/// <see cref="QueueReadBackoff"/>, which leaves out the reads that could only come back empty.
/// </summary>
internal sealed class AzureQueueAdapterFactoryWithFailureHandler(
    string name,
    AzureQueueOptions options,
    SimpleQueueCacheOptions cacheOptions,
    IQueueDataAdapter<string, IBatchContainer> dataAdapter,
    ILoggerFactory loggerFactory,
    IStreamFailureHandler failureHandler,
    Func<IQueueAdapterReceiver, IQueueAdapterReceiver> wrapReceiver)
    : AzureQueueAdapterFactory(name, options, cacheOptions, dataAdapter, loggerFactory)
{
    public override async Task<IQueueAdapter> CreateAdapter() => new QueueReadBackoffAdapter(await base.CreateAdapter(), wrapReceiver);

    public override void Init()
    {
        StreamFailureHandlerFactory = _ => Task.FromResult(failureHandler);
        base.Init();
    }

    public static new IQueueAdapterFactory Create(IServiceProvider services, string name)
    {
        var clock = services.GetService<TimeProvider>() ?? TimeProvider.System;
        var pollInterval = services.GetOptionsByName<StreamPullingAgentOptions>(name).GetQueueMsgsTimerPeriod;
        var maxIdlePollInterval = services.GetRequiredKeyedService<QueueReadPolicy>(name).MaxIdlePollInterval;
        var factory = new AzureQueueAdapterFactoryWithFailureHandler(
            name,
            services.GetOptionsByName<AzureQueueOptions>(name),
            services.GetOptionsByName<SimpleQueueCacheOptions>(name),
            services.GetRequiredKeyedService<IQueueDataAdapter<string, IBatchContainer>>(name),
            services.GetRequiredService<ILoggerFactory>(),
            new AzureQueueDeliveryFailureHandler(
                services.GetRequiredKeyedService<DeliveryFailureLedger>(name),
                services.GetRequiredService<ILogger<AzureQueueDeliveryFailureHandler>>()),
            receiver => new QueueReadBackoff(receiver, clock, pollInterval, maxIdlePollInterval));
        factory.Init();
        return factory;
    }
}
