namespace Insights.Ingest;

/// <summary>The answer to <c>POST /api/events</c>: one item per event sent, in order.</summary>
public sealed record IngestResponse(int Accepted, int Rejected, int Retry, IReadOnlyList<IngestItemResult> Items);

/// <summary>
/// <c>accepted</c>: queued for its video. <c>rejected</c>: invalid, with the reason; sending it again will not help.
/// <c>retry</c>: valid but could not be queued now (back-pressure or an unavailable cluster); send it again.
/// </summary>
/// <c>quarantineId</c> names the quarantine record of a rejected event.
public sealed record IngestItemResult(int Index, string Status, string? Type, string? Id, string? Error, string? QuarantineId = null)
{
    public const string AcceptedStatus = "accepted";
    public const string RejectedStatus = "rejected";
    public const string RetryStatus = "retry";
}
