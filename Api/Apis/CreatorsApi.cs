namespace Insights.Api.Apis;

using Insights.Api.Security;
using Insights.Creators;
using Insights.Dimensions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

/// <summary>
/// Creators and the search of videos: a creator's roll-up from its grain, and searches answered by the
/// dimensions grain's in-memory directory, never by scanning video grains.
/// </summary>
public static class CreatorsApi
{
    public const int MaxLimit = 100;

    public static IEndpointRouteBuilder MapCreatorsApi(this IEndpointRouteBuilder app)
    {
        var creators = app.MapGroup("/api/creators").WithTags("Creators").RequireRead();

        creators.MapGet("", SearchCreators)
            .WithName("SearchCreators")
            .WithSummary("Creators whose username contains the search text (case-insensitive), exact and prefix matches first");

        creators.MapGet("/{username}", GetCreator)
            .WithName("GetCreator")
            .WithSummary("A creator's videos summed: totals, windows, sentiment and the videos ranked");

        app.MapGet("/api/videos", FindVideos)
            .WithTags("Videos")
            .RequireRead()
            .WithName("FindVideos")
            .WithSummary("Videos of a creator and/or with a hashtag, newest first, with creator and description");

        return app;
    }

    public static async Task<Results<Ok<CreatorStats>, NotFound<ProblemDetails>, BadRequest<ProblemDetails>>> GetCreator(
        string username, IClusterClient cluster, CancellationToken cancellationToken, string by = "engagement", int limit = 20)
    {
        if (!CreatorNames.IsValid(username))
        {
            return TypedResults.BadRequest(new ProblemDetails { Title = "Invalid username", Detail = $"A username {CreatorNames.Rule}." });
        }

        if (!Enum.TryParse<CreatorVideoOrder>(by, ignoreCase: true, out var order) || !Enum.IsDefined(order) || int.TryParse(by, out _))
        {
            return TypedResults.BadRequest(new ProblemDetails { Title = "Invalid 'by'", Detail = "'by' must be engagement, comments or views." });
        }

        if (InvalidLimit(limit) is { } problem)
        {
            return problem;
        }

        // Grain calls take no token: waiting on one lets the request timeout answer even when the grain is slow.
        var stats = await cluster.GetGrain<ICreatorGrain>(username).GetStats(order, limit).WaitAsync(cancellationToken);
        return stats is null
            ? TypedResults.NotFound(new ProblemDetails { Title = "Unknown creator", Detail = $"No video of '{username}' has reported yet." })
            : TypedResults.Ok(stats);
    }

    public static async Task<Results<Ok<IReadOnlyList<CreatorMatch>>, BadRequest<ProblemDetails>>> SearchCreators(
        IClusterClient cluster, CancellationToken cancellationToken, string? search = null, int limit = 20)
    {
        var text = search?.Trim().TrimStart('@');
        if (!CreatorNames.IsValid(text))
        {
            return TypedResults.BadRequest(new ProblemDetails { Title = "Invalid 'search'", Detail = $"'search' is part of a username and {CreatorNames.Rule}." });
        }

        if (InvalidLimit(limit) is { } problem)
        {
            return problem;
        }

        var found = await cluster.GetGrain<IDimensionsGrain>(IDimensionsGrain.GlobalKey).SearchCreators(text, limit).WaitAsync(cancellationToken);
        return TypedResults.Ok(found);
    }

    public static async Task<Results<Ok<IReadOnlyList<VideoMatch>>, BadRequest<ProblemDetails>>> FindVideos(
        IClusterClient cluster, CancellationToken cancellationToken, string? creator = null, string? hashtag = null, int limit = 20)
    {
        if (creator is null && hashtag is null)
        {
            return TypedResults.BadRequest(new ProblemDetails { Title = "Missing filter", Detail = "Give 'creator', 'hashtag' or both." });
        }

        if (creator is not null && !CreatorNames.IsValid(creator))
        {
            return TypedResults.BadRequest(new ProblemDetails { Title = "Invalid 'creator'", Detail = $"'creator' is a username and {CreatorNames.Rule}." });
        }

        var tag = hashtag?.Trim().TrimStart('#');
        if (hashtag is not null && !IsHashtag(tag))
        {
            return TypedResults.BadRequest(new ProblemDetails { Title = "Invalid 'hashtag'", Detail = "'hashtag' must be 1 to 100 characters (a leading '#' is optional), without control characters or commas." });
        }

        if (InvalidLimit(limit) is { } problem)
        {
            return problem;
        }

        var found = await cluster.GetGrain<IDimensionsGrain>(IDimensionsGrain.GlobalKey).FindVideos(creator, tag, limit).WaitAsync(cancellationToken);
        return TypedResults.Ok(found);
    }

    /// <summary>The wire's hashtag rule (up to 100 characters of text); commas separate hashtags in the dimension rows.</summary>
    private static bool IsHashtag(string? tag) =>
        !string.IsNullOrWhiteSpace(tag) && tag.Length <= 100 && !tag.Contains(',') && !tag.Any(char.IsControl)
        && Wire.TextRules.FindProblem(tag) is null;

    private static BadRequest<ProblemDetails>? InvalidLimit(int limit) =>
        limit is < 1 or > MaxLimit
            ? TypedResults.BadRequest(new ProblemDetails { Title = "Invalid 'limit'", Detail = $"'limit' must be between 1 and {MaxLimit}." })
            : null;
}
