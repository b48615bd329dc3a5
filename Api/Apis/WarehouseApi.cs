namespace Insights.Api.Apis;

using Insights.Wire;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

/// <summary>
/// The warehouse through the loader grain (the silo owns the warehouse session; the API never opens it):
/// <c>POST /api/warehouse/load</c> loads now, <c>GET /api/warehouse/video-sentiment/{videoId}</c> reads the
/// <c>video_sentiment_score</c> model. Who may call them is up to the host (<see cref="WarehouseEndpoints"/>): this
/// file is also compiled into the warehouse tests, without the API's security.
/// </summary>
public static class WarehouseApi
{
    public static WarehouseEndpoints MapWarehouseApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/warehouse").WithTags("Warehouse");

        var load = api.MapPost("/load", Load)
            .WithName("LoadWarehouse")
            .WithSummary("Load new, changed and removed processed-zone files into the warehouse now; answers files and rows loaded");

        var videoSentiment = api.MapGet("/video-sentiment/{videoId}", GetVideoSentiment)
            .WithName("GetVideoSentiment")
            .WithSummary("A video's comment sentiment per day and per hour, from the warehouse's video_sentiment_score model");

        return new WarehouseEndpoints(load, videoSentiment);
    }

    public static async Task<Results<Ok<WarehouseLoadReport>, ProblemHttpResult>> Load(
        IClusterClient cluster, ILoggerFactory loggers, CancellationToken cancellationToken = default)
    {
        try
        {
            // A timed-out request stops waiting; the load itself carries on in the silo.
            return TypedResults.Ok(await cluster.GetGrain<IWarehouseLoaderGrain>(IWarehouseLoaderGrain.GlobalKey).Load().WaitAsync(cancellationToken));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            loggers.CreateLogger(typeof(WarehouseApi)).LogError(ex, "Warehouse load failed");
            return TypedResults.Problem(
                title: "Warehouse load failed",
                detail: "The load stopped; files loaded before the failure stay loaded and the next load retries the rest. See the silo log.",
                statusCode: StatusCodes.Status503ServiceUnavailable);
        }
    }

    public static async Task<Results<Ok<IReadOnlyList<VideoSentimentPeriod>>, NotFound<ProblemDetails>, BadRequest<ProblemDetails>>> GetVideoSentiment(
        string videoId, IClusterClient cluster, string? grain = null, CancellationToken cancellationToken = default)
    {
        if (!Ids.IsValid(videoId))
        {
            return TypedResults.BadRequest(new ProblemDetails { Title = "Invalid video id", Detail = $"A video id {Ids.Rule}." });
        }

        if (grain is not (null or "hour" or "day"))
        {
            return TypedResults.BadRequest(new ProblemDetails { Title = "Invalid 'grain'", Detail = "'grain' must be hour or day (or absent for both)." });
        }

        var rows = await cluster.GetGrain<IWarehouseLoaderGrain>(IWarehouseLoaderGrain.GlobalKey).GetVideoSentiment(videoId).WaitAsync(cancellationToken);
        IReadOnlyList<VideoSentimentPeriod> selected = grain is null ? rows : rows.Where(r => r.Grain == grain).ToList();
        return selected.Count == 0
            ? TypedResults.NotFound(new ProblemDetails
            {
                Title = "No sentiment for this video",
                Detail = $"The warehouse has no comment of video '{videoId}' (yet: loads run every Insights:Warehouse:LoadInterval).",
            })
            : TypedResults.Ok(selected);
    }
}

/// <summary>The warehouse endpoints, for the host to set who may call each.</summary>
public sealed record WarehouseEndpoints(RouteHandlerBuilder Load, RouteHandlerBuilder VideoSentiment);
