namespace Insights.Api.Apis;

using Insights.Wire;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

/// <summary>
/// The warehouse through the loader grain (the silo owns the warehouse session; the API never opens it):
/// <c>POST /api/warehouse/load</c> loads now, <c>GET /api/warehouse/video-sentiment/{videoId}</c> reads the
/// <c>video_sentiment_score</c> model.
/// </summary>
public static class WarehouseApi
{
    public static IEndpointRouteBuilder MapWarehouseApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/warehouse").WithTags("Warehouse");

        api.MapPost("/load", Load)
            .WithName("LoadWarehouse")
            .WithSummary("Load new, changed and removed processed-zone files into the warehouse now; answers files and rows loaded");

        api.MapGet("/video-sentiment/{videoId}", GetVideoSentiment)
            .WithName("GetVideoSentiment")
            .WithSummary("A video's comment sentiment per day and per hour, from the warehouse's video_sentiment_score model");

        return app;
    }

    public static async Task<Results<Ok<WarehouseLoadReport>, ProblemHttpResult>> Load(IClusterClient cluster, ILoggerFactory loggers)
    {
        try
        {
            return TypedResults.Ok(await cluster.GetGrain<IWarehouseLoaderGrain>(IWarehouseLoaderGrain.GlobalKey).Load());
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
        string videoId, IClusterClient cluster, string? grain = null)
    {
        if (!Ids.IsValid(videoId))
        {
            return TypedResults.BadRequest(new ProblemDetails { Title = "Invalid video id", Detail = $"A video id {Ids.Rule}." });
        }

        if (grain is not (null or "hour" or "day"))
        {
            return TypedResults.BadRequest(new ProblemDetails { Title = "Invalid 'grain'", Detail = "'grain' must be hour or day (or absent for both)." });
        }

        var rows = await cluster.GetGrain<IWarehouseLoaderGrain>(IWarehouseLoaderGrain.GlobalKey).GetVideoSentiment(videoId);
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
