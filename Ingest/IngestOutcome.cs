namespace Insights.Ingest;

/// <summary>
/// Either a response for the whole batch, or a reason the batch as a whole was refused; <see cref="Limit"/> names
/// the configuration key of the limit it broke, if that is why.
/// </summary>
public sealed record IngestOutcome(IngestResponse? Response, int StatusCode, string? Problem, string? Detail, string? QuarantineId = null, string? Limit = null)
{
    public static IngestOutcome Ok(IngestResponse response) => new(response, IngestStatus.Ok, null, null);

    public static IngestOutcome Refused(int statusCode, string problem, string detail, string? quarantineId = null, string? limit = null) =>
        new(null, statusCode, problem, detail, quarantineId, limit);
}
