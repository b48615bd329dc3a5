namespace Insights.Api.Apis;

using Insights.Api.Ingest;
using Microsoft.AspNetCore.Http.HttpResults;

public static class EventsApi
{
    public static IEndpointRouteBuilder MapEventsApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/events", IngestEvents)
            .WithName("IngestEvents")
            .WithSummary("Ingest a batch of video, comment and engagement events")
            .WithDescription("Body: a JSON array of events, each with a 'type' of video, comment or engagement (snake_case fields, Unix-second times). " +
                "Each event is validated on its own; the answer says per item accepted, rejected (with the reason) or retry.")
            .Accepts<IReadOnlyList<Insights.Wire.WireEvent>>("application/json")
            .Produces<IngestResponse>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .DisableAntiforgery();
        return app;
    }

    public static async Task<Results<Ok<IngestResponse>, ProblemHttpResult>> IngestEvents(
        HttpRequest request, EventIngestor ingestor, CancellationToken cancellationToken)
    {
        var outcome = await ingestor.IngestAsync(request.Body, request.ContentLength, cancellationToken);
        return outcome.Response is { } response
            ? TypedResults.Ok(response)
            : TypedResults.Problem(title: outcome.Problem, detail: outcome.Detail, statusCode: outcome.StatusCode,
                extensions: outcome.QuarantineId is null ? null : new Dictionary<string, object?> { ["quarantineId"] = outcome.QuarantineId });
    }
}
