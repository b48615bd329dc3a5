namespace Insights.Grains.Sources;

using Insights.Sources.TikTok;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

public static class TikTokPollerSiloExtensions
{
    /// <summary>
    /// The TikTok source as the cluster's one poller grain (<c>Insights:Sources:TikTok</c>, off by default): its
    /// options, validated at start when enabled, and a startup task that has the grain register its reminder and start
    /// polling. Every silo runs the task; there is still one grain. Needs the ingest path's <c>IEventSink</c> keyed
    /// <c>tiktok</c> (<c>AddInsightsIngest</c>) and a reminder service (the in-memory one is added when none is).
    /// </summary>
    public static ISiloBuilder AddInsightsTikTokPoller(this ISiloBuilder silo, IConfiguration configuration)
    {
        silo.Services.AddInsightsTikTokSource(configuration);
        if (!configuration.GetSection(TikTokSourceOptions.SectionName).GetValue<bool>(nameof(TikTokSourceOptions.Enabled)))
        {
            return silo;
        }

        if (!silo.Services.Any(d => d.ServiceType == typeof(IReminderTable)))
        {
            silo.UseInMemoryReminderService();
        }

        silo.AddStartupTask(static (services, cancellationToken) =>
        {
            // In the background: a silo must start even when the reminder table is not ready yet.
            _ = ScheduleAsync(services, cancellationToken);
            return Task.CompletedTask;
        });
        return silo;
    }

    private static async Task ScheduleAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(TikTokPollerSiloExtensions).FullName!);
        var grain = services.GetRequiredService<IGrainFactory>().GetGrain<ITikTokPollerGrain>(ITikTokPollerGrain.GlobalKey);
        var delay = TimeSpan.FromSeconds(1);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await grain.EnsureScheduled();
                return;
            }
            catch (Exception ex) when (attempt < 8 && !cancellationToken.IsCancellationRequested)
            {
                logger.LogWarning(ex, "Starting the TikTok poller failed (attempt {Attempt}); retrying in {Delay}", attempt, delay);
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "Starting the TikTok poller failed; another silo's start or the next restart starts it");
                return;
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
