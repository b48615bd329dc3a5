namespace Insights.Streaming.EventHubs;

/// <summary>Writes messages of one key to one partition of the hub, in order, returning once the hub has them all.</summary>
internal interface IPartitionProducer : IDisposable
{
    /// <param name="rawLanded">Marks the messages as already kept in the raw zone by the producer.</param>
    Task ProduceAsync(int partition, byte[] key, IReadOnlyList<byte[]> values, bool rawLanded, CancellationToken cancellationToken);
}
