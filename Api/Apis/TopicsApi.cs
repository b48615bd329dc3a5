namespace Insights.Api.Apis;

using System.Globalization;
using Insights.Api.Security;
using Insights.Topics;
using Insights.Wire;
using Microsoft.AspNetCore.Http.HttpResults;

/// <summary>
/// The topics of the day through the topics grain, which builds them from the lake's comments on a schedule:
/// a day's topics, one video's topics, and a build on demand.
/// </summary>
public static class TopicsApi
{
    public const int DefaultLimit = 10;

    public const string DayDescription =
        "The day is a UTC date (default today) and holds the comments ingested that day (the processed zone is partitioned " +
        "by ingest hour). Topics come from a model fitted on the day's comments (`Insights:Topics:Model`), rebuilt every " +
        "`Insights:Topics:BuildInterval` (15 minutes) when new comments landed, or on `POST /api/topics/build`. Most comments first; " +
        "`limit` (default 10) caps the list. A topic's `id` stays the same through the day's builds and from one day to the next " +
        "while its terms stay alike; `previousComments` is the day before's count of the same topic and `change` the difference " +
        "(both null for a topic new today). `sentiment.score` is (mean positive probability - mean negative probability) x 100. " +
        "`builtAt` is null when the day has no build yet.";

    public static IEndpointRouteBuilder MapTopicsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/topics", GetTopics)
            .WithTags("Topics")
            .RequireRead()
            .WithName("GetTopics")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .WithSummary("The topics of a day's comments: terms, comment and video counts, sentiment and change against the day before")
            .WithDescription(DayDescription);

        app.MapGet("/api/videos/{id}/topics", GetVideoTopics)
            .WithTags("Topics")
            .RequireRead()
            .WithName("GetVideoTopics")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .WithSummary("The topics of one video's comments on a day (default today, UTC), with that video's comment counts and sentiment per topic")
            .WithDescription("Each topic's `comments` and `sentiment` count this video's comments only; `videos`, `change` and `previousComments` are the day's.");

        app.MapPost("/api/topics/build", Build)
            .WithTags("Topics")
            .RequireIngest()
            .WithName("BuildTopics")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .WithSummary("Build a day's topics now (default today, UTC) from the comments in the lake; skipped (unchanged) when nothing new landed since the last build");

        return app;
    }

    public static async Task<Results<Ok<DayTopics>, ProblemHttpResult>> GetTopics(
        IClusterClient cluster, TimeProvider time, CancellationToken cancellationToken, string? date = null, int limit = DefaultLimit)
    {
        if (ParseDate(date, time) is not { } day)
        {
            return InvalidDate(date, time);
        }

        if (limit < 1)
        {
            return BadRequest("Invalid 'limit'", "'limit' must be at least 1.");
        }

        // Grain calls take no token: waiting on one lets the request timeout answer even when the grain is slow.
        var topics = await cluster.GetGrain<ITopicsGrain>(ITopicsGrain.GlobalKey).GetTopics(day).WaitAsync(cancellationToken);
        return TypedResults.Ok(topics.Topics.Count <= limit ? topics : topics with { Topics = topics.Topics.Take(limit).ToList() });
    }

    public static async Task<Results<Ok<VideoTopics>, ProblemHttpResult>> GetVideoTopics(
        string id, IClusterClient cluster, TimeProvider time, CancellationToken cancellationToken, string? date = null)
    {
        if (!Ids.IsValid(id))
        {
            return BadRequest("Invalid video id", $"A video id {Ids.Rule}.");
        }

        if (ParseDate(date, time) is not { } day)
        {
            return InvalidDate(date, time);
        }

        return TypedResults.Ok(await cluster.GetGrain<ITopicsGrain>(ITopicsGrain.GlobalKey).GetVideoTopics(id, day).WaitAsync(cancellationToken));
    }

    public static async Task<Results<Ok<TopicBuildReport>, ProblemHttpResult>> Build(
        IClusterClient cluster, TimeProvider time, ILoggerFactory loggers, CancellationToken cancellationToken, string? date = null)
    {
        if (ParseDate(date, time) is not { } day)
        {
            return InvalidDate(date, time);
        }

        try
        {
            // A timed-out request stops waiting; the build itself carries on in the silo.
            return TypedResults.Ok(await cluster.GetGrain<ITopicsGrain>(ITopicsGrain.GlobalKey).Build(day).WaitAsync(cancellationToken));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            loggers.CreateLogger(typeof(TopicsApi)).LogError(ex, "Topic build of {Date} failed", day);
            return TypedResults.Problem(
                title: "Topic build failed",
                detail: "The day's last complete build stays in place; the next scheduled build tries again. See the silo log.",
                statusCode: StatusCodes.Status503ServiceUnavailable);
        }
    }

    /// <summary>The UTC date named (today when absent), or null when it is not a yyyy-MM-dd date or lies in the future.</summary>
    internal static DateOnly? ParseDate(string? date, TimeProvider time)
    {
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        if (date is null)
        {
            return today;
        }

        return DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) && day <= today ? day : null;
    }

    private static ProblemHttpResult InvalidDate(string? date, TimeProvider time) => BadRequest(
        "Invalid 'date'",
        $"'date' must be a UTC date as yyyy-MM-dd, not after today ({DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime):yyyy-MM-dd}); '{date}' is not.");

    private static ProblemHttpResult BadRequest(string title, string detail) =>
        TypedResults.Problem(title: title, detail: detail, statusCode: StatusCodes.Status400BadRequest);
}
