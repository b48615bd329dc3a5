namespace Insights.Wire;

using Insights.Events;

/// <summary>The outcome of reading one wire event: an event, or the reason it was refused.</summary>
public readonly record struct WireParseResult(VideoStreamEvent? Event, string? Error, string? Type, string? Id)
{
    public bool IsValid => Event is not null;

    public static WireParseResult Ok(VideoStreamEvent e, string type, string? id) => new(e, null, type, id);

    public static WireParseResult Fail(string error, string? type = null, string? id = null) => new(null, error, type, id);
}
