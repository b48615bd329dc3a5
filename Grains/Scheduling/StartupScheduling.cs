namespace Insights.Grains.Scheduling;

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

/// <summary>
/// How a cluster's one reminder-driven grain (the TikTok poller, the topics builder) gets its reminder: every silo,
/// at start, asks the grain to register it; there is still one grain and one reminder.
/// </summary>
public static class StartupScheduling
{
    /// <summary>
    /// Adds a reminder service (the in-memory one when the host has none) and a startup task that calls
    /// <paramref name="ensureScheduled"/> in the background, retried with backoff: a silo must start even when the
    /// reminder table is not ready yet. <paramref name="what"/> names the job in the logs.
    /// </summary>
    public static ISiloBuilder ScheduleAtStart(this ISiloBuilder silo, string what, Func<IGrainFactory, Task> ensureScheduled)
    {
        if (!silo.Services.Any(d => d.ServiceType == typeof(IReminderTable)))
        {
            silo.UseInMemoryReminderService();
        }

        silo.AddStartupTask((services, cancellationToken) =>
        {
            _ = ScheduleAsync(services, what, ensureScheduled, cancellationToken);
            return Task.CompletedTask;
        });
        return silo;
    }

    private static async Task ScheduleAsync(IServiceProvider services, string what, Func<IGrainFactory, Task> ensureScheduled, CancellationToken cancellationToken)
    {
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(StartupScheduling).FullName!);
        var grains = services.GetRequiredService<IGrainFactory>();
        var delay = TimeSpan.FromSeconds(1);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await ensureScheduled(grains);
                return;
            }
            catch (Exception ex) when (attempt < 8 && !cancellationToken.IsCancellationRequested)
            {
                logger.LogWarning(ex, "Scheduling {What} failed (attempt {Attempt}); retrying in {Delay}", what, attempt, delay);
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "Scheduling {What} failed; another silo's start or the next restart schedules it", what);
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
