namespace Insights.Silo.Hosting;

using Insights.ClusterHosting;
using Insights.Grains.Scheduling;
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
        var interval = configuration.Read<TopicsOptions>(TopicsOptions.SectionName).BuildInterval;
        services.Configure<ReminderOptions>(o =>
        {
            if (interval > TimeSpan.Zero && interval < o.MinimumReminderPeriod)
            {
                o.MinimumReminderPeriod = interval;
            }
        });
        return silo.ScheduleAtStart("topic builds", grains => grains.GetGrain<ITopicsGrain>(ITopicsGrain.GlobalKey).EnsureScheduled());
    }
}
