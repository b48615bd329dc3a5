namespace Insights.Streaming.EventHubs;

using Insights.Events;
using Orleans.Providers.Streams.Common;
using Orleans.Runtime;
using Orleans.Streams;

/// <summary>
/// The events of one video taken from one partition in one read, in partition order, with the offsets they came
/// from: the receiver marks those offsets done when the pulling agent reports the container delivered.
/// </summary>
[GenerateSerializer, Immutable, Alias("insights.EventHubsBatchContainer")]
public sealed class EventHubsBatchContainer : IBatchContainer
{
    [Id(0)] public StreamId StreamId { get; init; }

    [Id(1)] public int Partition { get; init; }

    /// <summary>Kafka offsets of <see cref="Events"/>, one each, ascending.</summary>
    [Id(2)] public long[] Offsets { get; init; } = [];

    [Id(3)] public IReadOnlyList<VideoStreamEvent> Events { get; init; } = [];

    /// <summary>The first offset; containers of a partition are cached in this order.</summary>
    [Id(4)] public EventSequenceTokenV2 Token { get; init; } = new(0);

    public long FirstOffset => Offsets[0];

    public StreamSequenceToken SequenceToken => Token;

    public IEnumerable<Tuple<T, StreamSequenceToken>> GetEvents<T>()
    {
        for (var i = 0; i < Events.Count; i++)
        {
            if (Events[i] is T e)
            {
                yield return Tuple.Create<T, StreamSequenceToken>(e, Token.CreateSequenceTokenForEvent(i));
            }
        }
    }

    public bool ImportRequestContext() => false;

    public override string ToString() => $"EventHubsBatchContainer({StreamId}, partition {Partition}, {Events.Count} events from offset {FirstOffset})";
}
