namespace Insights.Api.Hosting;

using System.Text.Json.Serialization;
using Insights.Api.Apis;
using Insights.Api.Dashboard;
using Insights.Api.Limits;
using Insights.Api.Security;
using Insights.Ingest;
using Insights.Lake.Hosting;
using Microsoft.Extensions.Diagnostics.HealthChecks;

public static class ApiHostExtensions
{
    public static IHostApplicationBuilder AddInsightsApi(this IHostApplicationBuilder builder)
    {
        // The lake first: its shutdown flush then runs after the Orleans client has stopped taking requests.
        builder.Services.AddInsightsLake(builder.Configuration).AddInsightsIngest(builder.Configuration);
        builder.AddInsightsOrleansClient();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddProblemDetails();
        builder.AddInsightsAuth();
        builder.AddInsightsLimits();
        builder.Services.AddOpenApi(o => o.AddDocumentTransformer<ApiKeySecurityScheme>());
        builder.Services.ConfigureHttpJsonOptions(o =>
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(System.Text.Json.JsonNamingPolicy.CamelCase)));
        builder.Services.AddHealthChecks().AddCheck<ClusterReadyCheck>("cluster", tags: ["ready"]);
        // The same key as the silo's: the raw and quarantine writers flush within it on SIGTERM.
        builder.Services.Configure<HostOptions>(o =>
            o.ShutdownTimeout = builder.Configuration.GetValue("Insights:ShutdownTimeout", TimeSpan.FromSeconds(45)));
        return builder;
    }

    public static WebApplication MapInsightsApi(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        // The dashboard's static pages come before authentication: they hold no data and ask for a key themselves.
        app.MapInsightsDashboard();
        app.UseInsightsAuth();
        app.UseInsightsLimits();

        app.MapInsightsApiReference();
        app.MapHealthChecks("/healthz", new() { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/readyz", new() { Predicate = check => check.Tags.Contains("ready") }).AllowAnonymous();
        app.MapEventsApi();
        app.MapVideosApi();
        var warehouse = app.MapWarehouseApi();
        // Loading only hastens the scheduled, idempotent load; it is what producers want after sending.
        warehouse.Load.RequireIngest();
        warehouse.VideoSentiment.RequireRead();
        return app;
    }
}

/// <summary>Ready when a grain call round-trips to the cluster.</summary>
internal sealed class ClusterReadyCheck(IClusterClient cluster) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await cluster.GetGrain<ILeaderboardGrain>(ILeaderboardGrain.GlobalKey)
                .Top(Insights.Leaderboard.LeaderboardMetric.Comments, Insights.Stats.WindowNames.FiveMinutes, 1)
                .WaitAsync(TimeSpan.FromSeconds(3), cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception ex)
        {
            return HealthCheckResult.Unhealthy("cluster not reachable", ex);
        }
    }
}
