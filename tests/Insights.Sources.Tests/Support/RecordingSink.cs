namespace Insights.Sources.Tests.Support;

using System.Collections.Concurrent;
using Insights.Wire;

/// <summary>
/// A sink that records every event it is sent and answers per event with <see cref="Answer"/> (accepted by default),
/// called with the event and how many times that event was sent so far (1 on the first send).
/// </summary>
internal sealed class RecordingSink : IEventSink
{
    private readonly ConcurrentQueue<(WireEvent Event, SinkStatus Status)> _log = new();
    private readonly ConcurrentDictionary<WireEvent, int> _sends = new(ReferenceEqualityComparer.Instance);

    public Func<WireEvent, int, SinkItemResult> Answer { get; set; } = (_, _) => SinkItemResult.Accepted;

    public int Calls;

    public Task<IReadOnlyList<SinkItemResult>> SendAsync(IReadOnlyList<WireEvent> events, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref Calls);
        var results = events.Select(e =>
        {
            var n = _sends.AddOrUpdate(e, 1, (_, c) => c + 1);
            var result = Answer(e, n);
            _log.Enqueue((e, result.Status));
            return result;
        }).ToList();
        return Task.FromResult<IReadOnlyList<SinkItemResult>>(results);
    }

    /// <summary>Every event sent, in order, with the answer it got.</summary>
    public IReadOnlyList<(WireEvent Event, SinkStatus Status)> Log => _log.ToArray();

    public IReadOnlyList<WireEvent> Accepted => Log.Where(x => x.Status == SinkStatus.Accepted).Select(x => x.Event).ToList();

    public IReadOnlyList<WireEvent> AcceptedOfType(string type) => Accepted.Where(e => e.Type == type).ToList();

    /// <summary>Ids of the comments accepted, in order (a duplicate appears twice).</summary>
    public IReadOnlyList<string> CommentIds => AcceptedOfType(WireFields.TypeComment).Select(e => e.Id!).ToList();
}
