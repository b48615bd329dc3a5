namespace Insights.Api.Apis;

using Insights.Alerts;
using Insights.Api.Security;
using Insights.Wire;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

/// <summary>
/// Alerts the cluster fired (<c>read</c>) and the webhooks they are delivered to (<c>alerts</c>: a subscriber makes
/// the silos POST to a URL of its choosing, so it is a scope of its own).
/// </summary>
public static class AlertsApi
{
    public const int MaxDescriptionLength = 200;

    /// <summary>A webhook to subscribe: where to POST alerts, and a note for people.</summary>
    public sealed record SubscriptionRequest(string? Url, string? Description);

    public static IEndpointRouteBuilder MapAlertsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/alerts").WithTags("Alerts");

        api.MapGet("", GetAlerts)
            .RequireRead()
            .WithName("GetAlerts")
            .WithSummary("Recent alerts fired by the cluster, newest first, with their deliveries");

        var subscriptions = api.MapGroup("/subscriptions").RequireAlerts();
        subscriptions.MapGet("", GetSubscriptions)
            .WithName("GetAlertSubscriptions")
            .WithSummary("The webhooks alerts are delivered to (without their secrets)");
        subscriptions.MapPost("", Subscribe)
            .WithName("CreateAlertSubscription")
            .WithSummary("Subscribes a webhook; the answer holds its signing secret, shown this once");
        subscriptions.MapDelete("/{id}", Unsubscribe)
            .WithName("DeleteAlertSubscription")
            .WithSummary("Removes a webhook and the deliveries still waiting for it");
        return app;
    }

    public static async Task<Results<Ok<IReadOnlyList<AlertRecord>>, BadRequest<ProblemDetails>>> GetAlerts(
        IClusterClient cluster, CancellationToken cancellationToken, int limit = 50, string? videoId = null)
    {
        if (limit is < 1 or > 200)
        {
            return TypedResults.BadRequest(new ProblemDetails { Title = "Invalid 'limit'", Detail = "'limit' must be between 1 and 200." });
        }

        if (videoId is not null && !Ids.IsValid(videoId))
        {
            return TypedResults.BadRequest(new ProblemDetails { Title = "Invalid 'videoId'", Detail = $"A video id {Ids.Rule}." });
        }

        var alerts = await Grain(cluster).Recent(limit, videoId).WaitAsync(cancellationToken);
        return TypedResults.Ok(alerts);
    }

    public static async Task<Ok<IReadOnlyList<AlertSubscription>>> GetSubscriptions(IClusterClient cluster, CancellationToken cancellationToken) =>
        TypedResults.Ok(await Grain(cluster).Subscriptions().WaitAsync(cancellationToken));

    public static async Task<Results<Created<CreatedAlertSubscription>, BadRequest<ProblemDetails>, Conflict<ProblemDetails>>> Subscribe(
        SubscriptionRequest request, IClusterClient cluster, HttpContext http, CancellationToken cancellationToken)
    {
        if (!WebhookUrl.TryParse(request.Url, out var url, out var error))
        {
            return TypedResults.BadRequest(new ProblemDetails { Title = "Invalid webhook URL", Detail = error });
        }

        if (request.Description is { Length: > MaxDescriptionLength })
        {
            return TypedResults.BadRequest(new ProblemDetails
            {
                Title = "Invalid 'description'", Detail = $"'description' must be at most {MaxDescriptionLength} characters.",
            });
        }

        try
        {
            var created = await Grain(cluster).Subscribe(url!.AbsoluteUri, request.Description).WaitAsync(cancellationToken);
            // The secret is in this answer only: no cache may keep it.
            http.Response.Headers.CacheControl = "no-store";
            return TypedResults.Created($"/api/alerts/subscriptions/{created.Subscription.Id}", created);
        }
        catch (InvalidOperationException ex)
        {
            return TypedResults.Conflict(new ProblemDetails { Title = "Too many subscriptions", Detail = ex.Message });
        }
    }

    public static async Task<Results<NoContent, NotFound<ProblemDetails>>> Unsubscribe(string id, IClusterClient cluster, CancellationToken cancellationToken) =>
        id.Length <= 64 && await Grain(cluster).Unsubscribe(id).WaitAsync(cancellationToken)
            ? TypedResults.NoContent()
            : TypedResults.NotFound(new ProblemDetails { Title = "Unknown subscription", Detail = $"There is no alert subscription '{id}'." });

    private static IAlertsGrain Grain(IClusterClient cluster) => cluster.GetGrain<IAlertsGrain>(IAlertsGrain.GlobalKey);
}
