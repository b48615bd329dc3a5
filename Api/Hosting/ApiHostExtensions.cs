namespace Insights.Api.Hosting;

using System.Text.Json.Serialization;
using Insights.Api.Apis;
using Insights.Api.Ingest;
using Insights.Api.Sources;
using Insights.Lake.Hosting;
using Insights.Wire;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Scalar.AspNetCore;

public static class ApiHostExtensions
{
    public static IHostApplicationBuilder AddInsightsApi(this IHostApplicationBuilder builder)
    {
        // The lake first: its shutdown flush then runs after the Orleans client has stopped taking requests.
        builder.Services.AddInsightsLake(builder.Configuration).AddInsightsLakeIngestWriters();
        builder.AddInsightsOrleansClient();
        builder.Services.AddOptions<IngestLimits>().Bind(builder.Configuration.GetSection(IngestLimits.SectionName));
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<EventIngestor>();
        builder.Services.AddProblemDetails();
        builder.Services.AddOpenApi();
        builder.Services.ConfigureHttpJsonOptions(o =>
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(System.Text.Json.JsonNamingPolicy.CamelCase)));
        builder.Services.AddInsightsSources(builder.Configuration);
        builder.Services.AddHealthChecks().AddCheck<ClusterReadyCheck>("cluster", tags: ["ready"]);
        return builder;
    }

    public static WebApplication MapInsightsApi(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.MapOpenApi();
        app.MapScalarApiReference();
        app.MapHealthChecks("/healthz", new() { Predicate = _ => false });
        app.MapHealthChecks("/readyz", new() { Predicate = check => check.Tags.Contains("ready") });
        app.MapEventsApi();
        app.MapVideosApi();
        app.MapWarehouseApi();
        app.MapInsightsDashboard();
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
