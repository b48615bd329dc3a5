namespace Insights.Delivery;

using Insights.Wire;

/// <summary>
/// Where events go: the one ingest path in a host (<c>Insights.Ingest</c>), the API over HTTP, Event Hubs, a file.
/// Each event is answered on its own, in the order sent, with the meaning of the items of <c>POST /api/events</c>.
/// The generator and the sources both send through it, so it lives here, free of Orleans.
/// </summary>
public interface IEventSink
{
    /// <summary>
    /// Sends <paramref name="events"/> and returns one result per event, in the same order. Throws
    /// <see cref="EventSinkException"/> when the destination refuses the batch for good.
    /// </summary>
    Task<IReadOnlyList<SinkItemResult>> SendAsync(IReadOnlyList<WireEvent> events, CancellationToken cancellationToken = default);
}

public enum SinkStatus
{
    /// <summary>Taken: the event is in the pipeline (and, through the ingest path, in the raw zone).</summary>
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

/// <summary>The destination refused a batch (or failed) for a reason that sending it again will not fix.</summary>
public sealed class EventSinkException(string message, Exception? inner = null, IReadOnlyList<SinkItemResult?>? partialResults = null)
    : Exception(message, inner)
{
    /// <summary>When part of a call did get through: one entry per event of the call, null where the outcome is unknown.</summary>
    public IReadOnlyList<SinkItemResult?>? PartialResults { get; } = partialResults;
}
