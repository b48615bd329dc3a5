namespace Insights.ServiceDefaults;

using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

public static class OpenTelemetryExtensions
{
    /// <summary>The standard variable of the OTLP exporter; when set, logs, metrics and traces go there.</summary>
    public const string OtlpEndpointKey = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary>
    /// Logs, metrics and traces through OpenTelemetry: Insights' meters and activity sources, ASP.NET Core, HttpClient
    /// and the runtime; exported over OTLP when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set and scraped from
    /// <c>/metrics</c> unless <c>Insights:Telemetry:Prometheus:Enabled</c> is false.
    /// </summary>
    public static IHostApplicationBuilder ConfigureOpenTelemetry(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<TelemetryOptions>().BindConfiguration(TelemetryOptions.SectionName);
        var options = builder.Configuration.GetSection(TelemetryOptions.SectionName).Get<TelemetryOptions>() ?? new();
        var prometheus = options.Prometheus;
        if (options.Tracing.SampleRatio is < 0 or > 1 or double.NaN)
        {
            throw new InvalidOperationException(
                $"{TelemetryOptions.SectionName}:Tracing:SampleRatio must be between 0 and 1, not {options.Tracing.SampleRatio}.");
        }

        var exporting = !string.IsNullOrWhiteSpace(builder.Configuration[OtlpEndpointKey]);

        builder.Logging.AddOpenTelemetry(logging =>
        {
            logging.IncludeFormattedMessage = true;
            logging.IncludeScopes = true;
        });

        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(builder.Environment.ApplicationName))
            .WithMetrics(metrics =>
            {
                metrics.AddAspNetCoreInstrumentation()
                    .AddHttpClientInstrumentation()
                    .AddRuntimeInstrumentation()
                    .AddMeter(InsightsTelemetry.MeterPattern);
                if (prometheus.Enabled)
                {
                    metrics.AddPrometheusExporter();
                }
            });

        // Spans are recorded only when they can leave the process: with no exporter, a span per grain call and stream
        // delivery would be built for nobody.
        if (exporting)
        {
            telemetry
                .WithTracing(tracing => tracing
                    .SetSampler(new ParentBasedSampler(new TraceIdRatioBasedSampler(options.Tracing.SampleRatio)))
                    .AddSource(InsightsTelemetry.ActivitySourcePattern)
                    // Probes and scrapes every few seconds would bury the requests worth reading.
                    .AddAspNetCoreInstrumentation(o => o.Filter = context => !IsProbe(context.Request.Path))
                    .AddHttpClientInstrumentation())
                .UseOtlpExporter();
        }

        return builder;
    }

    /// <summary><c>GET /metrics</c> in Prometheus' text format, open like the health endpoints, unless switched off.</summary>
    public static WebApplication MapPrometheusEndpoint(this WebApplication app)
    {
        var options = app.Configuration.GetSection(TelemetryOptions.SectionName).Get<TelemetryOptions>() ?? new();
        if (options.Prometheus.Enabled)
        {
            app.MapPrometheusScrapingEndpoint(PrometheusOptions.Path).AllowAnonymous();
        }

        return app;
    }

    private static bool IsProbe(Microsoft.AspNetCore.Http.PathString path) =>
        path.StartsWithSegments(HealthEndpoints.LivePath)
        || path.StartsWithSegments(HealthEndpoints.ReadyPath)
        || path.StartsWithSegments(PrometheusOptions.Path);
}
