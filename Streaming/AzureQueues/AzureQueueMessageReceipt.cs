namespace Insights.Streaming.AzureQueues;

/// <summary>
/// Identifies one receive of one message: deleting needs both. The pop receipt changes on every receive, so a
/// receipt older than the message's latest receive no longer deletes it.
/// </summary>
internal sealed record AzureQueueMessageReceipt(string MessageId, string PopReceipt, long DequeueCount);
