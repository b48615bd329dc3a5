namespace Insights.Benchmarks.Durable;

using System.Globalization;
using Azure.Messaging.EventHubs;
using Orleans.Streaming.EventHubs;

/// <summary>
/// Reads one partition of an <see cref="InProcessEventHub"/> the way the provider's AMQP receiver reads a hub
/// (<c>PartitionReceiver.ReceiveBatchAsync</c>): up to <c>maxCount</c> events as soon as there are any, none once
/// <c>waitTime</c> has passed, starting at the checkpointed offset (inclusive) or at the beginning.
/// </summary>
/// <remarks>
/// Not the package's <c>EventHubPartitionGeneratorReceiver</c>: that one sleeps 30 ms before every read and, when its
/// generator has nothing, the whole wait time (5 s), where a real receiver returns as soon as an event arrives; a
/// benchmark reading a workload that is still being produced would measure those sleeps.
/// </remarks>
internal sealed class InProcessPartitionReceiver(InProcessEventHub.Partition partition, string offset) : IEventHubReceiver
{
    private long _position = long.TryParse(offset, NumberStyles.None, CultureInfo.InvariantCulture, out var start) ? start : 0;

    public async Task<IEnumerable<EventData>> ReceiveAsync(int maxCount, TimeSpan waitTime, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(waitTime);
        while (true)
        {
            var events = partition.Read(_position, maxCount, out var appended);
            if (events.Count > 0)
            {
                _position += events.Count;
                return events;
            }

            try
            {
                await appended.WaitAsync(timeout.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                return [];
            }
        }
    }

    [Obsolete("Use the overload which accepts a CancellationToken.")]
    public Task<IEnumerable<EventData>> ReceiveAsync(int maxCount, TimeSpan waitTime) => ReceiveAsync(maxCount, waitTime, CancellationToken.None);

    public Task CloseAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [Obsolete("Use the overload which accepts a CancellationToken.")]
    public Task CloseAsync() => Task.CompletedTask;
}
