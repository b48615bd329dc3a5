namespace Insights.Streaming.AzureQueues;

using Orleans.Providers.Streams.Common;
using Orleans.Runtime;
using Orleans.Streams;

/// <summary>
/// The events of one publish call for one stream: one Azure queue message. <see cref="VideoQueueDataAdapter"/> stamps
/// it with the sequence number the receiver gives each message it reads.
/// </summary>
[GenerateSerializer, Alias("insights.AzureQueueBatchContainer")]
internal sealed class AzureQueueBatchContainer : IBatchContainer
{
    [Id(0)] private readonly StreamId _streamId;
    [Id(1)] private readonly List<object> _events;
    [Id(2)] private readonly Dictionary<string, object>? _requestContext;

    // Empty on the queue; the pulling agent may send the container to a consumer on another silo, which needs it.
    [Id(3)] private EventSequenceTokenV2? _sequenceToken;

    public AzureQueueBatchContainer(StreamId streamId, List<object> events, Dictionary<string, object>? requestContext)
    {
        ArgumentNullException.ThrowIfNull(events);
        _streamId = streamId;
        _events = events;
        _requestContext = requestContext is { Count: > 0 } ? requestContext : null;
    }

    public StreamId StreamId => _streamId;

    public StreamSequenceToken SequenceToken =>
        _sequenceToken ?? throw new InvalidOperationException("This batch has not been read from a queue: it has no sequence token yet.");

    public int Count => _events.Count;

    internal IReadOnlyList<object> Events => _events;

    public void Received(EventSequenceTokenV2 sequenceToken) => _sequenceToken = sequenceToken;

    public IEnumerable<Tuple<T, StreamSequenceToken>> GetEvents<T>()
    {
        var token = (EventSequenceTokenV2)SequenceToken;
        return _events.OfType<T>().Select((e, i) => Tuple.Create<T, StreamSequenceToken>(e, token.CreateSequenceTokenForEvent(i)));
    }

    public bool ImportRequestContext()
    {
        if (_requestContext is null)
        {
            return false;
        }

        foreach (var (key, value) in _requestContext)
        {
            RequestContext.Set(key, value);
        }

        return true;
    }

    public override string ToString() => $"[AzureQueueBatchContainer: stream {_streamId}, {_events.Count} events, {_sequenceToken}]";
}
