namespace Insights.Streaming.AzureQueues;

using Microsoft.Extensions.Logging;
using Orleans.Runtime;
using Orleans.Streams;

/// <summary>
/// Called when the pulling agent gives up delivering a batch (after <c>MaxEventDeliveryTime</c> of retries). It only
/// logs: the cache never releases a failed batch, so its message is not deleted, reappears after the visibility
/// timeout and is delivered again; past <see cref="AzureQueueStreamOptions.MaxDequeueCount"/> receives it goes to
/// quarantine. The subscription is not faulted, so the stream's later events keep flowing meanwhile.
/// </summary>
internal sealed partial class AzureQueueDeliveryFailureHandler(ILogger<AzureQueueDeliveryFailureHandler> logger) : IStreamFailureHandler
{
    public bool ShouldFaultSubsriptionOnError => false;

    public Task OnDeliveryFailure(GuidId subscriptionId, string streamProviderName, StreamId streamId, StreamSequenceToken? sequenceToken)
    {
        LogDeliveryFailed(streamProviderName, streamId, sequenceToken, subscriptionId);
        return Task.CompletedTask;
    }

    public Task OnSubscriptionFailure(GuidId subscriptionId, string streamProviderName, StreamId streamId, StreamSequenceToken? sequenceToken)
    {
        LogSubscriptionFailed(streamProviderName, streamId, sequenceToken, subscriptionId);
        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Provider {Provider}: delivery of stream {StreamId} at {Token} to subscription {SubscriptionId} failed; its message stays queued and will be delivered again")]
    private partial void LogDeliveryFailed(string provider, StreamId streamId, StreamSequenceToken? token, GuidId subscriptionId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Provider {Provider}: subscription {SubscriptionId} to stream {StreamId} failed at {Token}")]
    private partial void LogSubscriptionFailed(string provider, StreamId streamId, StreamSequenceToken? token, GuidId subscriptionId);
}
