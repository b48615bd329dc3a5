namespace Insights.Api.Apis;

using Insights.Api.Security;
using Insights.Leaderboard;
using Insights.Stats;
using Insights.Wire;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

public static class VideosApi
{
    /// <summary>The ranking rule as the OpenAPI document states it; the rule itself is <c>Grains/Leaderboard/LeaderboardRules.cs</c>.</summary>
    public const string TopVideosDescription =
        "Ranks the videos active in the window (an event in it). `comments`: comments posted in the window, every video with one. " +
        "`engagement`: (likes + comments + shares) / views gained in the window, for videos with at least `Insights:Leaderboard:MinViews` " +
        "(100) views in it, shrunk toward the pooled rate of all videos in the window: (interactions + m × mean) / (views + m), " +
        "m = `Insights:Leaderboard:EngagementPriorViews` (1000). `sentiment`: the score of the window's comments, for videos with at least " +
        "`Insights:Leaderboard:MinComments` (5) scored comments in it, shrunk the same way toward the mean score of all comments in the " +
        "window with m = `Insights:Leaderboard:SentimentPriorComments` (20). Each figure can be set per window under " +
        "`Insights:Leaderboard:Windows:<window>`. `value` is the figure ranked on (shrunk); `engagementRate` and `sentimentScore` are the " +
        "window's figures as measured. Entries carry the creator (`username`), `description` and `hashtags` of the video.";

    public static IEndpointRouteBuilder MapVideosApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/videos").WithTags("Videos").RequireRead();

        api.MapGet("/top", GetTopVideos)
            .WithName("GetTopVideos")
            .WithSummary("Top videos by engagement rate, comment count or sentiment score inside a window")
            .WithDescription(TopVideosDescription);

        api.MapGet("/{id}", GetVideo)
            .WithName("GetVideo")
            .WithSummary("Live stats of one video");

        return app;
    }

    public static async Task<Results<Ok<VideoStats>, NotFound<ProblemDetails>, BadRequest<ProblemDetails>>> GetVideo(
        string id, IClusterClient cluster, CancellationToken cancellationToken)
    {
        if (!Ids.IsValid(id))
        {
            return TypedResults.BadRequest(new ProblemDetails { Title = "Invalid video id", Detail = $"A video id {Ids.Rule}." });
        }

        // Grain calls take no token: waiting on one lets the request timeout answer even when the grain is slow.
        var stats = await cluster.GetGrain<IVideoGrain>(id).GetStats().WaitAsync(cancellationToken);
        return stats is null
            ? TypedResults.NotFound(new ProblemDetails { Title = "Unknown video", Detail = $"No event has been received for video '{id}'." })
            : TypedResults.Ok(stats);
    }

    public static async Task<Results<Ok<IReadOnlyList<LeaderboardEntry>>, BadRequest<ProblemDetails>>> GetTopVideos(
        IClusterClient cluster, CancellationToken cancellationToken, string by = "engagement", string window = WindowNames.OneHour, int limit = 10)
    {
        if (!Enum.TryParse<LeaderboardMetric>(by, ignoreCase: true, out var metric) || !Enum.IsDefined(metric) || int.TryParse(by, out _))
        {
            return TypedResults.BadRequest(new ProblemDetails { Title = "Invalid 'by'", Detail = "'by' must be engagement, comments or sentiment." });
        }

        if (!WindowNames.IsKnown(window))
        {
            return TypedResults.BadRequest(new ProblemDetails { Title = "Invalid 'window'", Detail = "'window' must be 5m, 1h or 24h." });
        }

        if (limit is < 1 or > 100)
        {
            return TypedResults.BadRequest(new ProblemDetails { Title = "Invalid 'limit'", Detail = "'limit' must be between 1 and 100." });
        }

        var top = await cluster.GetGrain<ILeaderboardGrain>(ILeaderboardGrain.GlobalKey).Top(metric, window, limit).WaitAsync(cancellationToken);
        return TypedResults.Ok(top);
    }
}
