namespace Insights.ServiceDefaults;

using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

/// <summary>
/// The defaults every Insights host (API, silo) starts with, as in eShop's <c>ServiceDefaults</c>: OpenTelemetry logs,
/// metrics and traces, the health checks, standard resilience on every <see cref="HttpClient"/> from
/// <see cref="IHttpClientFactory"/>, and the shutdown timeout. <see cref="MapDefaultEndpoints"/> serves
/// <c>/healthz</c>, <c>/readyz</c> and <c>/metrics</c>.
/// </summary>
public static class ServiceDefaultsExtensions
{
    public static IHostApplicationBuilder AddServiceDefaults(this IHostApplicationBuilder builder)
    {
        builder.ConfigureOpenTelemetry();
        builder.AddDefaultHealthChecks();
        builder.AddShutdownTimeout();
        // Retries with backoff, a circuit breaker and timeouts on every client the factory makes.
        builder.Services.ConfigureHttpClientDefaults(http => http.AddStandardResilienceHandler());
        return builder;
    }

    public static WebApplication MapDefaultEndpoints(this WebApplication app)
    {
        app.MapHealthEndpoints();
        app.MapPrometheusEndpoint();
        return app;
    }
}
