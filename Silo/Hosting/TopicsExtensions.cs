namespace Insights.Silo.Hosting;

using Insights.ClusterHosting;
using Insights.Topics.Building;
using Insights.Topics.Modeling;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

public static class TopicsExtensions
{
    /// <summary>
    /// The topics of the day on a silo: <c>Insights:Topics</c> and <c>Insights:Topics:Model</c> validated at start,
    /// the topic model's trainer and the day's builder (they need the lake, <c>AddInsightsLake</c>), a reminder
    /// service (the in-memory one when the host has none) whose period floor is no higher than <c>BuildInterval</c>,
    /// and a startup task that registers the topics grain's reminder.
    /// </summary>
    public static ISiloBuilder AddInsightsTopics(this ISiloBuilder silo, IConfiguration configuration)
    {
        var services = silo.Services;
        services.AddSingleton<IValidateOptions<TopicsOptions>, TopicsOptionsValidator>();
        services.AddSingleton<IValidateOptions<TopicModelOptions>, TopicsOptionsValidator>();
        services.AddOptions<TopicsOptions>().Bind(configuration.GetSection(TopicsOptions.SectionName)).ValidateOnStart();
        services.AddOptions<TopicModelOptions>().Bind(configuration.GetSection(TopicModelOptions.SectionName)).ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ITopicModelTrainer, KMeansTopicModelTrainer>();
        services.TryAddSingleton<TopicBuilder>();
        if (!services.Any(d => d.ServiceType == typeof(IReminderTable)))
        {
            silo.UseInMemoryReminderService();
        }

        var interval = configuration.Read<TopicsOptions>(TopicsOptions.SectionName).BuildInterval;
        services.Configure<ReminderOptions>(o =>
        {
            if (interval > TimeSpan.Zero && interval < o.MinimumReminderPeriod)
            {
                o.MinimumReminderPeriod = interval;
            }
        });
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
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(TopicsExtensions).FullName!);
        var grain = services.GetRequiredService<IGrainFactory>().GetGrain<ITopicsGrain>(ITopicsGrain.GlobalKey);
        var delay = TimeSpan.FromSeconds(1);
        for (var attempt = 1; attempt <= 8 && !cancellationToken.IsCancellationRequested; attempt++)
        {
            try
            {
                await grain.EnsureScheduled();
                return;
            }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "Scheduling topic builds failed (attempt {Attempt}); retrying in {Delay}", attempt, delay);
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

        logger.LogError("Scheduling topic builds failed; builds run on demand only until the next silo start");
    }
}
