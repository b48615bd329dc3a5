namespace Insights.Api.Apis;

using Insights.Api.Limits;
using Insights.Api.Security;
using Insights.Ingest;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

public static class EventsApi
{
    public static IEndpointRouteBuilder MapEventsApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/events", IngestEvents)
            .WithName("IngestEvents")
            .WithSummary("Ingest a batch of video, comment and engagement events")
            .WithDescription("Body: a JSON array of events (Content-Type application/json, UTF-8), each with a 'type' of video, comment or engagement (snake_case fields, Unix-second times). " +
                "Each event is validated on its own; the answer says per item accepted, rejected (with the reason) or retry.")
            // Documents the body without .Accepts(): its routing policy would answer a non-JSON Content-Type 415
            // before ingest runs, so the body would not be quarantined and the answer would not say what to send.
            // EventIngestor checks the Content-Type itself.
            .AddOpenApiOperationTransformer(DescribeBody)
            .Produces<IngestResponse>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .DisableAntiforgery()
            .RequireIngest()
            // EventIngestor enforces Insights:Ingest:MaxBodyBytes itself, so that what it refuses is quarantined.
            .WithMetadata(new OwnBodyLimit(Insights.Wire.IngestLimits.SectionName + ":MaxBodyBytes"));
        return app;
    }

    /// <summary>The body as .Accepts() described it: an array of the WireEvent component.</summary>
    private static async Task DescribeBody(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var document = context.Document!;
        document.AddComponent<IOpenApiSchema>(nameof(Insights.Wire.WireEvent),
            await context.GetOrCreateSchemaAsync(typeof(Insights.Wire.WireEvent), cancellationToken: cancellationToken));
        operation.RequestBody = new OpenApiRequestBody
        {
            Required = true,
            Content = new Dictionary<string, OpenApiMediaType>
            {
                ["application/json"] = new()
                {
                    Schema = new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchemaReference(nameof(Insights.Wire.WireEvent), document) },
                },
            },
        };
    }

    public static async Task<Results<Ok<IngestResponse>, ProblemHttpResult>> IngestEvents(
        HttpRequest request, EventIngestor ingestor, CancellationToken cancellationToken)
    {
        var outcome = await ingestor.IngestAsync(request.Body, request.ContentLength, request.ContentType, cancellationToken);
        if (outcome.Response is { } response)
        {
            return TypedResults.Ok(response);
        }

        var extensions = new Dictionary<string, object?>();
        if (outcome.QuarantineId is not null)
        {
            extensions["quarantineId"] = outcome.QuarantineId;
        }

        if (outcome.Limit is not null)
        {
            extensions[LimitProblem.Extension] = outcome.Limit;
        }

        return TypedResults.Problem(title: outcome.Problem, detail: outcome.Detail, statusCode: outcome.StatusCode, extensions: extensions);
    }
}
