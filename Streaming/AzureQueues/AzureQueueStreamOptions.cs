namespace Insights.Streaming.AzureQueues;

/// <summary>
/// The durable stream provider on Azure Storage queues (Orleans' Microsoft.Orleans.Streaming.AzureStorage). Section
/// <c>Insights:Streams:AzureQueue</c>; the number of queues is <c>Insights:Streams:Queues</c>, shared with the other
/// providers.
/// </summary>
public sealed class AzureQueueStreamOptions
{
    public const string SectionName = "Insights:Streams:AzureQueue";

    /// <summary>
    /// Longest prefix that still leaves room for <c>-{index}</c> of up to six digits inside Azure's 63 characters.
    /// </summary>
    public const int MaxQueuePrefixLength = 56;

    /// <summary>A storage connection string (account key, SAS, or Azurite). Set this or <see cref="ServiceUri"/>.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>
    /// The queue endpoint, <c>https://&lt;account&gt;.queue.core.windows.net</c>, signed in with
    /// <c>DefaultAzureCredential</c> (the identity needs "Storage Queue Data Contributor").
    /// </summary>
    public Uri? ServiceUri { get; set; }

    /// <summary>Queues are named <c>{QueuePrefix}-{index}</c>, index from 0 to the number of queues - 1.</summary>
    public string QueuePrefix { get; set; } = "insights-video";

    /// <summary>
    /// How long a received message stays hidden. A message not deleted by then (its events were not delivered)
    /// comes back, and is delivered again: at-least-once. One minute, like the pulling agent's default retry time
    /// (<c>Insights:Streams:MaxDeliveryTime</c>), so a message still being retried rarely comes back meanwhile; it is
    /// also how long the messages a crashed silo had read wait before another silo gets them.
    /// </summary>
    public TimeSpan VisibilityTimeout { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Delivery rounds a message may fail before it goes to quarantine instead of coming back forever. A round is the
    /// pulling agent's retries (<c>Insights:Streams:MaxDeliveryTime</c>, a minute) and then the visibility timeout
    /// (a minute): five rounds are about ten minutes, so an outage of grain storage shorter than that delays messages
    /// without quarantining good ones.
    /// </summary>
    public int MaxDeliveryFailures { get; set; } = 5;

    /// <summary>
    /// The longest a silo goes without reading a queue that keeps coming back empty (<see cref="QueueReadBackoff"/>):
    /// the most an event arriving after a quiet spell waits on top of <c>Insights:Streams:PollInterval</c>. Every read
    /// is a storage request; at the default 8 idle queues are read 32 times a second instead of 320. A value no longer
    /// than the poll interval reads every queue every tick.
    /// </summary>
    public TimeSpan MaxIdlePollInterval { get; set; } = TimeSpan.FromMilliseconds(250);

    internal static bool IsValidPrefix(string? prefix) =>
        prefix is { Length: > 0 and <= MaxQueuePrefixLength }
        && char.IsAsciiLetterOrDigit(prefix[0]) && char.IsAsciiLetterOrDigit(prefix[^1])
        && !prefix.Contains("--", StringComparison.Ordinal)
        && prefix.All(c => char.IsAsciiDigit(c) || char.IsAsciiLetterLower(c) || c == '-');
}
