namespace Insights.ClusterHosting.Telemetry;

using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

/// <summary>
/// Orleans' meters and traces in the host's OpenTelemetry providers (set up by ServiceDefaults), and the trace context
/// carried along grain calls, so a request to the API and the grain calls it causes are one trace.
/// </summary>
public static class OrleansTelemetry
{
    public const string MeterName = "Microsoft.Orleans";

    /// <summary>Orleans' own grains and system targets (<c>ActivitySources.RuntimeActivitySourceName</c>).</summary>
    public const string RuntimeActivitySource = "Microsoft.Orleans.Runtime";

    /// <summary>Calls to application grains (<c>ActivitySources.ApplicationGrainActivitySourceName</c>).</summary>
    public const string ApplicationActivitySource = "Microsoft.Orleans.Application";

    public static ISiloBuilder AddInsightsOrleansTelemetry(this ISiloBuilder silo)
    {
        AddToProviders(silo.Services);
        return silo.AddActivityPropagation();
    }

    public static IClientBuilder AddInsightsOrleansTelemetry(this IClientBuilder client)
    {
        AddToProviders(client.Services);
        return client.AddActivityPropagation();
    }

    private static void AddToProviders(IServiceCollection services)
    {
        services.ConfigureOpenTelemetryMeterProvider(metrics => metrics.AddMeter(MeterName));
        services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddSource(RuntimeActivitySource, ApplicationActivitySource));
    }
}
