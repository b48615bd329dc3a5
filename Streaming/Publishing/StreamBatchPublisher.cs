namespace Insights.Streaming.Publishing;

using Insights.Streaming.AzureQueues;
using Orleans.Streams;

/// <summary>
/// Publishes a batch of events to one stream in as few calls as the provider takes: whole when it fits one message,
/// otherwise in halves, recursively. Only Azure queues have a message size limit (64 KiB); memory streams and Event
/// Hubs take the batch whole, so the common path costs one call and nothing else.
/// </summary>
public static class StreamBatchPublisher
{
    public static async Task PublishAsync<T>(IAsyncStream<T> stream, IList<T> events)
    {
        try
        {
            await stream.OnNextBatchAsync(events);
        }
        catch (Exception ex) when (events.Count > 1 && IsTooLarge(ex))
        {
            // Halving keeps the order of each stream's events: the first half is queued before the second.
            var half = events.Count / 2;
            await PublishAsync(stream, events.Take(half).ToList());
            await PublishAsync(stream, events.Skip(half).ToList());
        }
    }

    private static bool IsTooLarge(Exception ex)
    {
        for (var e = ex; e is not null; e = e.InnerException)
        {
            if (e is StreamMessageTooLargeException)
            {
                return true;
            }
        }

        return false;
    }
}
