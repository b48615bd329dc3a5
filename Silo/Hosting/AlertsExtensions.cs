namespace Insights.Silo.Hosting;

using Insights.ClusterHosting;
using Insights.Grains.Alerts;
using Insights.Grains.Domain.Alerts;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

public static class AlertsExtensions
{
    /// <summary>
    /// What the video and alerts grains need for alerts: <c>Insights:Alerts</c> validated at start, the rules, and the
    /// webhook client. The client has no resilience handler (the alerts grain's outbox retries, and a retry inside
    /// one call would hold the outbox) and follows no redirect.
    /// </summary>
    public static IServiceCollection AddInsightsAlertServices(this IServiceCollection services)
    {
        services.AddValidatedOptions<AlertOptions, AlertOptionsValidator>(AlertOptions.SectionName);
        services.TryAddSingleton(sp => new AlertRules(sp.GetRequiredService<IOptions<AlertOptions>>().Value));
        services.TryAddSingleton<WebhookSender>();
        // RemoveAllResilienceHandlers is marked for evaluation (EXTEXP0001) but is the library's documented way to opt
        // one client out of the hosts' ConfigureHttpClientDefaults.
#pragma warning disable EXTEXP0001
        services.AddHttpClient(WebhookSender.HttpClientName, (sp, client) =>
                client.Timeout = sp.GetRequiredService<IOptions<AlertOptions>>().Value.Delivery.Timeout)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false })
            .RemoveAllResilienceHandlers();
#pragma warning restore EXTEXP0001
        return services;
    }

    /// <summary>
    /// Wakes the alerts grain when the silo starts, so an outbox left by a restart is sent without waiting for a new
    /// alert; and a reminder service for its outbox reminder (the in-memory one when the host has none).
    /// </summary>
    public static ISiloBuilder AddInsightsAlerts(this ISiloBuilder silo)
    {
        if (!silo.Services.Any(d => d.ServiceType == typeof(IReminderTable)))
        {
            silo.UseInMemoryReminderService();
        }

        silo.AddStartupTask(static (services, cancellationToken) =>
        {
            // In the background: a silo must start even when the grain's storage is not reachable yet.
            _ = WakeAsync(services, cancellationToken);
            return Task.CompletedTask;
        });
        return silo;
    }

    private static async Task WakeAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(AlertsExtensions).FullName!);
        var grain = services.GetRequiredService<IGrainFactory>().GetGrain<IAlertsGrain>(IAlertsGrain.GlobalKey);
        var delay = TimeSpan.FromSeconds(1);
        for (var attempt = 1; attempt <= 8 && !cancellationToken.IsCancellationRequested; attempt++)
        {
            try
            {
                await grain.Wake();
                return;
            }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "Waking the alerts outbox failed (attempt {Attempt}); retrying in {Delay}", attempt, delay);
            }

            try
            {
                await Task.Delay(delay, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            delay *= 2;
        }
    }
}
