namespace Insights.Streaming.AzureQueues;

/// <summary>
/// The durable stream provider on Azure Storage queues. Section <c>Insights:Streams:AzureQueue</c>; the number of
/// queues is <c>Insights:Streams:Queues</c>, shared with the other providers.
/// </summary>
public sealed class AzureQueueStreamOptions
{
    public const string SectionName = "Insights:Streams:AzureQueue";

    /// <summary>Azure's largest receive: more messages per call are refused.</summary>
    public const int MaxMessagesPerRead = 32;

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

    /// <summary>Messages asked for per receive call, 1 to 32.</summary>
    public int MessagesPerRead { get; set; } = MaxMessagesPerRead;

    /// <summary>
    /// A message received more often than this has failed delivery every time: it goes to quarantine instead of
    /// blocking its queue forever. Ten times the visibility timeout is about ten minutes: an outage of grain storage
    /// shorter than that delays messages without quarantining good ones.
    /// </summary>
    public int MaxDequeueCount { get; set; } = 10;

    /// <summary>Throws <see cref="InvalidOperationException"/> naming the first offending key under <paramref name="sectionName"/>.</summary>
    public void Validate(string sectionName)
    {
        var hasConnectionString = !string.IsNullOrWhiteSpace(ConnectionString);
        if (hasConnectionString == (ServiceUri is not null))
        {
            throw new InvalidOperationException(hasConnectionString
                ? $"{sectionName}:ConnectionString and {sectionName}:ServiceUri are both set; set only one of them."
                : $"Azure queue streams are not configured: set {sectionName}:ConnectionString (account key, SAS or " +
                  $"Azurite) or {sectionName}:ServiceUri (https://<account>.queue.core.windows.net, signed in with Entra ID).");
        }

        if (ServiceUri is { } uri && (!uri.IsAbsoluteUri || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)))
        {
            throw new InvalidOperationException(
                $"{sectionName}:ServiceUri '{uri}' must be an absolute http(s) URL like https://<account>.queue.core.windows.net.");
        }

        if (!IsValidPrefix(QueuePrefix))
        {
            throw new InvalidOperationException(
                $"{sectionName}:QueuePrefix '{QueuePrefix}' is not a valid queue name prefix: 1 to {MaxQueuePrefixLength} " +
                "lowercase letters, digits and single hyphens, starting and ending with a letter or digit.");
        }

        // Azure takes whole seconds, from 1 second to 7 days.
        if (VisibilityTimeout < TimeSpan.FromSeconds(1) || VisibilityTimeout > TimeSpan.FromDays(7))
        {
            throw new InvalidOperationException(
                $"{sectionName}:VisibilityTimeout '{VisibilityTimeout}' must be between 00:00:01 and 7.00:00:00.");
        }

        if (MessagesPerRead is < 1 or > MaxMessagesPerRead)
        {
            throw new InvalidOperationException(
                $"{sectionName}:MessagesPerRead {MessagesPerRead} must be between 1 and {MaxMessagesPerRead}.");
        }

        if (MaxDequeueCount < 1)
        {
            throw new InvalidOperationException($"{sectionName}:MaxDequeueCount {MaxDequeueCount} must be at least 1.");
        }
    }

    internal void CopyTo(AzureQueueStreamOptions target)
    {
        target.ConnectionString = ConnectionString;
        target.ServiceUri = ServiceUri;
        target.QueuePrefix = QueuePrefix;
        target.VisibilityTimeout = VisibilityTimeout;
        target.MessagesPerRead = MessagesPerRead;
        target.MaxDequeueCount = MaxDequeueCount;
    }

    private static bool IsValidPrefix(string? prefix) =>
        prefix is { Length: > 0 and <= MaxQueuePrefixLength }
        && char.IsAsciiLetterOrDigit(prefix[0]) && char.IsAsciiLetterOrDigit(prefix[^1])
        && !prefix.Contains("--", StringComparison.Ordinal)
        && prefix.All(c => char.IsAsciiDigit(c) || char.IsAsciiLetterLower(c) || c == '-');
}
