namespace Insights.Streaming.AzureQueues;

/// <summary>
/// The events of one publish call do not fit one queue message. <see cref="Publishing.StreamBatchPublisher"/> catches
/// it and publishes the events in halves; a single event this large cannot be queued at all.
/// </summary>
public sealed class StreamMessageTooLargeException(string message) : Exception(message)
{
}
