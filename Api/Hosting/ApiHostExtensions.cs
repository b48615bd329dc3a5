namespace Insights.Api.Hosting;

using System.Text.Json.Serialization;
using Insights.Api.Apis;
using Insights.Api.Dashboard;
using Insights.Api.Limits;
using Insights.Api.Security;
using Insights.ClusterHosting;
using Insights.ClusterHosting.Streams;
using Insights.Ingest;
using Insights.Lake.Hosting;
using Insights.ServiceDefaults;

public static class ApiHostExtensions
{
    public static IHostApplicationBuilder AddInsightsApi(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDefaults();
        // The lake first: its shutdown flush then runs after the Orleans client has stopped taking requests.
        builder.Services.AddInsightsLake(builder.Configuration).AddInsightsIngest(builder.Configuration);
        // Readiness follows the client's gateway connections (ClusterHosting), never a call to one busy grain.
        builder.UseOrleansClient(client => client
            .AddInsightsClustering(builder.Configuration)
            .AddInsightsStreams(builder.Configuration));
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddProblemDetails();
        builder.AddInsightsAuth();
        builder.AddInsightsLimits();
        builder.Services.AddOpenApi(o => o.AddDocumentTransformer<ApiKeySecurityScheme>());
        builder.Services.ConfigureHttpJsonOptions(o =>
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(System.Text.Json.JsonNamingPolicy.CamelCase)));
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
        app.MapDefaultEndpoints();
        app.MapEventsApi();
        app.MapVideosApi();
        app.MapCreatorsApi();
        app.MapAlertsApi();
        app.MapSeriesApi();
        app.MapTopicsApi();
        var warehouse = app.MapWarehouseApi();
        // Loading only hastens the scheduled, idempotent load; it is what producers want after sending.
        warehouse.Load.RequireIngest();
        warehouse.VideoSentiment.RequireRead();
        return app;
    }
}
