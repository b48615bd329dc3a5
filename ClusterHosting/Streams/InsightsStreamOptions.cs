namespace Insights.ClusterHosting.Streams;

/// <summary>The stream provider that carries events to video grains. Section <c>Insights:Streams</c>.</summary>
public sealed class InsightsStreamOptions
{
    public const string SectionName = "Insights:Streams";

    public const string Memory = "Memory";

    public const string AzureQueue = "AzureQueue";

    public const string EventHubs = "EventHubs";

    /// <summary>
    /// <c>Memory</c>: in-memory queues, not durable (the embedded default); <c>AzureQueue</c>: Azure Storage queues
    /// (section <c>Insights:Streams:AzureQueue</c>); <c>EventHubs</c>: Azure Event Hubs through its Kafka endpoint
    /// (section <c>Insights:Streams:EventHubs</c>).
    /// </summary>
    public string Provider { get; set; } = Memory;

    /// <summary>
    /// Number of queues for Memory and AzureQueue; bounds how many pulling agents read in parallel. Producer and silo
    /// must agree. Event Hubs has one queue per partition instead.
    /// </summary>
    public int Queues { get; set; } = 8;

    /// <summary>
    /// Most queued batches a pulling agent hands a grain at once (Orleans' BatchContainerBatchSize). Memory streams
    /// only: durable providers always hand over one message at a time, which already holds a batch of events.
    /// </summary>
    public int DeliveryBatchSize { get; set; } = 100;

    /// <summary>
    /// How often each pulling agent reads its queue. Bounds how stale live stats can be; Orleans' default of 100 ms
    /// doubles the typical delay for little saving.
    /// </summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(25);

    /// <summary>
    /// How long a pulling agent retries delivering a message to a grain that keeps failing before it gives up on it
    /// for now. A durable provider does not acknowledge a message given up on: it comes back later, and after
    /// repeated failures goes to the quarantine zone.
    /// </summary>
    public TimeSpan MaxDeliveryTime { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>True for providers that keep a message until its delivery is acknowledged.</summary>
    public bool IsDurable => Provider != Memory;
}
