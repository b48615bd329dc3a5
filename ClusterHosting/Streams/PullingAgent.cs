namespace Insights.ClusterHosting.Streams;

using Orleans.Configuration;

internal static class PullingAgent
{
    /// <summary>
    /// Durable providers get a batch size of 1: with more, the pulling agent moves its cache cursor past several
    /// messages before their delivery completes, and the cache could release (delete, checkpoint) undelivered ones.
    /// </summary>
    public static void Configure(StreamPullingAgentOptions agent, InsightsStreamOptions options, int batchSize)
    {
        agent.BatchContainerBatchSize = batchSize;
        agent.GetQueueMsgsTimerPeriod = options.PollInterval;
        agent.MaxEventDeliveryTime = options.MaxDeliveryTime;
    }
}
