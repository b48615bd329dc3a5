namespace Insights.Api.Apis;

using System.Text;
using Insights.Api.Export;
using Insights.Api.Security;
using Insights.Export;
using Insights.Series;
using Insights.Wire;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

/// <summary>
/// A video over time and its export: <c>GET /api/videos/{id}/series</c> (JSON) and <c>/series.csv</c> answer every
/// bucket of a live window from the video grain, or of a longer range from the warehouse marts through the loader
/// grain; <c>/comments.csv</c> answers every comment of the video with its sentiment from the warehouse (the grain
/// keeps only the latest few). The API never opens the warehouse itself, and never answers from the grain what it
/// was asked to take from the warehouse: a failing warehouse is a 503.
/// </summary>
public static class SeriesApi
{
    /// <summary>Says where the rows came from: <c>grain</c> or <c>warehouse</c>.</summary>
    public const string SourceHeader = "X-Insights-Source";

    /// <summary>When the warehouse's last load of this loader activation started, if there was one: rows newer than that are not in it.</summary>
    public const string LastLoadHeader = "X-Insights-Warehouse-Last-Load";

    public const int CommentPageSize = 5_000;

    private const string CsvContentType = "text/csv; charset=utf-8";

    public static IEndpointRouteBuilder MapSeriesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/videos").WithTags("Videos").RequireRead();

        api.MapGet("/{id}/series", GetSeries)
            .WithName("GetVideoSeries")
            .WithSummary("Every bucket of a video's live window (window=5m|1h|24h, from the grain) or of a longer range (from, to, grain=hour|day, from the warehouse)")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        api.MapGet("/{id}/series.csv", GetSeriesCsv)
            .WithName("GetVideoSeriesCsv")
            .WithSummary("The video's series as a CSV download; same parameters as /series")
            .Produces<string>(StatusCodes.Status200OK, "text/csv")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        api.MapGet("/{id}/comments.csv", GetCommentsCsv)
            .WithName("GetVideoCommentsCsv")
            .WithSummary("Every comment of the video with its sentiment as a CSV download, from the warehouse (as of its last load)")
            .Produces<string>(StatusCodes.Status200OK, "text/csv")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            // Streams page after page; each page has the grain call's own timeout.
            .DisableRequestTimeout();

        return app;
    }

    public static async Task<Results<Ok<VideoSeries>, ProblemHttpResult>> GetSeries(
        string id, IClusterClient cluster, TimeProvider clock, ILoggerFactory loggers, HttpContext http,
        string? window = null, string? from = null, string? to = null, string? grain = null, CancellationToken cancellationToken = default)
    {
        var (series, error) = await ReadSeriesAsync(id, cluster, clock, loggers, window, from, to, grain, cancellationToken);
        if (series is null)
        {
            return error!;
        }

        http.Response.Headers[SourceHeader] = series.Source;
        return TypedResults.Ok(series);
    }

    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> GetSeriesCsv(
        string id, IClusterClient cluster, TimeProvider clock, ILoggerFactory loggers, HttpContext http,
        string? window = null, string? from = null, string? to = null, string? grain = null, CancellationToken cancellationToken = default)
    {
        var (series, error) = await ReadSeriesAsync(id, cluster, clock, loggers, window, from, to, grain, cancellationToken);
        if (series is null)
        {
            return error!;
        }

        http.Response.Headers[SourceHeader] = series.Source;
        return TypedResults.File(Encoding.UTF8.GetBytes(SeriesCsv.Write(series)), CsvContentType, $"video-{id}-series-{series.Window}.csv");
    }

    public static async Task<Results<PushStreamHttpResult, ProblemHttpResult>> GetCommentsCsv(
        string id, IClusterClient cluster, ILoggerFactory loggers, HttpContext http, CancellationToken cancellationToken = default)
    {
        if (!Ids.IsValid(id))
        {
            return TypedResults.Problem(InvalidId());
        }

        var loader = cluster.GetGrain<IWarehouseLoaderGrain>(IWarehouseLoaderGrain.GlobalKey);
        CommentPage first;
        try
        {
            // The first page before any byte is sent, so a failing warehouse is still a 503 problem.
            first = await loader.GetVideoComments(id, null, CommentPageSize).WaitAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return WarehouseUnavailable(loggers, ex);
        }

        if (first.Comments.Count == 0 && await cluster.GetGrain<IVideoGrain>(id).GetStats().WaitAsync(cancellationToken) is null)
        {
            return TypedResults.Problem(UnknownVideo(id));
        }

        http.Response.Headers[SourceHeader] = SeriesSources.Warehouse;
        if (await loader.GetLastLoad().WaitAsync(cancellationToken) is { } last)
        {
            http.Response.Headers[LastLoadHeader] = last.StartedAt.ToString("O", System.Globalization.CultureInfo.InvariantCulture);
        }

        return TypedResults.Stream(
            async body =>
            {
                await using var writer = new StreamWriter(body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), leaveOpen: true);
                await writer.WriteAsync(CommentsCsv.Header());
                var page = first;
                while (true)
                {
                    await writer.WriteAsync(CommentsCsv.Lines(page.Comments));
                    await writer.FlushAsync(cancellationToken);
                    if (page.Next is null)
                    {
                        break;
                    }

                    // A failure from here on throws: the response is cut off rather than ended as if complete.
                    page = await loader.GetVideoComments(id, page.Next, CommentPageSize).WaitAsync(cancellationToken);
                }
            },
            CsvContentType,
            $"video-{id}-comments.csv");
    }

    private static async Task<(VideoSeries? Series, ProblemHttpResult? Error)> ReadSeriesAsync(
        string id, IClusterClient cluster, TimeProvider clock, ILoggerFactory loggers,
        string? window, string? from, string? to, string? grain, CancellationToken cancellationToken)
    {
        if (!Ids.IsValid(id))
        {
            return (null, TypedResults.Problem(InvalidId()));
        }

        var (request, problem) = SeriesRequest.Parse(window, from, to, grain, clock.GetUtcNow());
        if (request is null)
        {
            return (null, TypedResults.Problem(problem!));
        }

        var video = cluster.GetGrain<IVideoGrain>(id);
        if (!request.IsWarehouse)
        {
            var live = await video.GetSeries(request.Window!).WaitAsync(cancellationToken);
            return live is null ? (null, TypedResults.Problem(UnknownVideo(id))) : (live, null);
        }

        VideoSeries stored;
        try
        {
            stored = await cluster.GetGrain<IWarehouseLoaderGrain>(IWarehouseLoaderGrain.GlobalKey)
                .GetVideoSeries(id, request.Grain, request.From, request.To).WaitAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return (null, WarehouseUnavailable(loggers, ex));
        }

        // The grain knows every video that ever had an event; the warehouse only those loaded, and only in range.
        if (stored.Buckets.All(b => b.Comments == 0 && b.Views == 0 && b.Likes == 0 && b.Shares == 0)
            && await video.GetStats().WaitAsync(cancellationToken) is null)
        {
            return (null, TypedResults.Problem(UnknownVideo(id)));
        }

        return (stored, null);
    }

    private static ProblemDetails InvalidId() =>
        new() { Title = "Invalid video id", Detail = $"A video id {Ids.Rule}.", Status = StatusCodes.Status400BadRequest };

    private static ProblemDetails UnknownVideo(string id) =>
        new() { Title = "Unknown video", Detail = $"No event has been received for video '{id}'.", Status = StatusCodes.Status404NotFound };

    private static ProblemHttpResult WarehouseUnavailable(ILoggerFactory loggers, Exception ex)
    {
        loggers.CreateLogger(typeof(SeriesApi)).LogError(ex, "Reading the warehouse failed");
        return TypedResults.Problem(
            title: "Warehouse unavailable",
            detail: "The warehouse could not be read (a load may hold it, or it failed); try again shortly. See the silo log.",
            statusCode: StatusCodes.Status503ServiceUnavailable);
    }
}
