namespace Insights.Sources;

using Insights.Wire;

public enum SinkStatus
{
    /// <summary>Taken: the event is in the pipeline.</summary>
    Accepted,

    /// <summary>Invalid; sending it again will not help.</summary>
    Rejected,

    /// <summary>Valid but not taken this time (back-pressure, cluster unavailable); send it again.</summary>
    Retry,
}

public readonly record struct SinkItemResult(SinkStatus Status, string? Error = null)
{
    public static readonly SinkItemResult Accepted = new(SinkStatus.Accepted);

    public static SinkItemResult Retry(string? error = null) => new(SinkStatus.Retry, error);
}

/// <summary>
/// Where a source's events go: the ingest path in-process (inside the API), later Event Hubs. Each event is answered
/// on its own, in the order sent, with the same meaning as the items of <c>POST /api/events</c>.
/// </summary>
public interface IEventSink
{
    /// <summary>
    /// Sends <paramref name="events"/> and returns one result per event, in order. Throws
    /// <see cref="EventSinkException"/> when the destination refuses the batch for good.
    /// </summary>
    Task<IReadOnlyList<SinkItemResult>> SendAsync(IReadOnlyList<WireEvent> events, CancellationToken cancellationToken);
}

/// <summary>The destination refused a batch for a reason that sending it again will not fix.</summary>
public sealed class EventSinkException(string message, Exception? inner = null) : Exception(message, inner);
