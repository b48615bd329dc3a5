namespace Insights.Api.Ingest;

/// <summary>Either a response for the whole batch, or a reason the batch as a whole was refused.</summary>
public sealed record IngestOutcome(IngestResponse? Response, int StatusCode, string? Problem, string? Detail, string? QuarantineId = null)
{
    public static IngestOutcome Ok(IngestResponse response) => new(response, StatusCodes.Status200OK, null, null);

    public static IngestOutcome Refused(int statusCode, string problem, string detail, string? quarantineId = null) =>
        new(null, statusCode, problem, detail, quarantineId);
}
