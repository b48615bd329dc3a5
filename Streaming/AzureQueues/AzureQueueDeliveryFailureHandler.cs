namespace Insights.Streaming.AzureQueues;

using Microsoft.Extensions.Logging;
using Orleans.Runtime;
using Orleans.Streams;

/// <summary>
/// Called when the pulling agent gives up a delivery round (after <c>MaxEventDeliveryTime</c> of retries). Orleans'
/// cache never reports a failed message delivered, so it is not deleted and comes back after the visibility timeout;
/// this handler counts the round in the <see cref="DeliveryFailureLedger"/>, and after
/// <see cref="AzureQueueStreamOptions.MaxDeliveryFailures"/> rounds <see cref="VideoQueueDataAdapter"/> reads it as a
/// quarantine message. The subscription is not faulted, so the stream's later events keep flowing meanwhile.
/// </summary>
internal sealed partial class AzureQueueDeliveryFailureHandler(DeliveryFailureLedger ledger, ILogger<AzureQueueDeliveryFailureHandler> logger)
    : IStreamFailureHandler
{
    public bool ShouldFaultSubsriptionOnError => false;

    public Task OnDeliveryFailure(GuidId subscriptionId, string streamProviderName, StreamId streamId, StreamSequenceToken? sequenceToken)
    {
        var failures = ledger.RecordFailure(streamId, sequenceToken);
        LogDeliveryFailed(streamProviderName, streamId, sequenceToken, failures, ledger.MaxDeliveryFailures);
        return Task.CompletedTask;
    }

    public Task OnSubscriptionFailure(GuidId subscriptionId, string streamProviderName, StreamId streamId, StreamSequenceToken? sequenceToken)
    {
        LogSubscriptionFailed(streamProviderName, streamId, sequenceToken, subscriptionId);
        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Provider {Provider}: delivery of stream {StreamId} at {Token} failed (round {Failures} of {Max}); its message stays queued and comes back after the visibility timeout")]
    private partial void LogDeliveryFailed(string provider, StreamId streamId, StreamSequenceToken? token, int failures, int max);

    [LoggerMessage(Level = LogLevel.Error, Message = "Provider {Provider}: subscription {SubscriptionId} to stream {StreamId} failed at {Token}")]
    private partial void LogSubscriptionFailed(string provider, StreamId streamId, StreamSequenceToken? token, GuidId subscriptionId);
}
