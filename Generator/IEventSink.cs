namespace Insights.Generator;

using Insights.Wire;

public enum SinkStatus
{
    /// <summary>Taken: the event is in the pipeline.</summary>
    Accepted,

    /// <summary>Invalid; sending it again will not help.</summary>
    Rejected,

    /// <summary>Valid but not taken this time (back-pressure); must be sent again.</summary>
    Retry,
}

public readonly record struct SinkItemResult(SinkStatus Status, string? Error = null)
{
    public static readonly SinkItemResult Accepted = new(SinkStatus.Accepted);
}

/// <summary>Where generated events go.</summary>
public interface IEventSink
{
    /// <summary>
    /// Sends <paramref name="events"/> and returns one result per event, in the same order.
    /// Throws <see cref="EventSinkException"/> when the destination fails for good.
    /// </summary>
    Task<IReadOnlyList<SinkItemResult>> SendAsync(IReadOnlyList<WireEvent> events, CancellationToken cancellationToken = default);
}

/// <summary>The destination failed for good (or answered something that is a bug on one side).</summary>
public sealed class EventSinkException : Exception
{
    public EventSinkException(string message, Exception? inner = null, IReadOnlyList<SinkItemResult?>? partialResults = null)
        : base(message, inner)
    {
        PartialResults = partialResults;
    }

    /// <summary>
    /// When part of a call did get through: one entry per event of the call, null where the outcome is unknown.
    /// </summary>
    public IReadOnlyList<SinkItemResult?>? PartialResults { get; }
}
