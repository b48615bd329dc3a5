namespace Insights.Configuration;

/// <summary>The stream provider that carries events to video grains. Section <c>Insights:Streams</c>.</summary>
public sealed class InsightsStreamOptions
{
    public const string SectionName = "Insights:Streams";

    /// <summary><c>Memory</c>: in-memory queues, not durable (the embedded default).</summary>
    public string Provider { get; set; } = "Memory";

    /// <summary>Number of queues; bounds how many pulling agents read in parallel. Producer and silo must agree.</summary>
    public int Queues { get; set; } = 8;

    /// <summary>Most queued batches a pulling agent hands a grain at once (Orleans' BatchContainerBatchSize).</summary>
    public int DeliveryBatchSize { get; set; } = 100;

    /// <summary>
    /// How often each pulling agent reads its queue. Bounds how stale live stats can be; Orleans' default of 100 ms
    /// doubles the typical delay for little saving.
    /// </summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(25);
}
