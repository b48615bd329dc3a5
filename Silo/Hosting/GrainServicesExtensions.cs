namespace Insights.Silo.Hosting;

using Insights.ClusterHosting;
using Insights.Grains.Creators;
using Insights.Grains.Dimensions;
using Insights.Grains.Domain;
using Insights.Grains.Leaderboard;
using Microsoft.Extensions.DependencyInjection.Extensions;

public static class GrainServicesExtensions
{
    /// <summary>Options and services the grains take in their constructors.</summary>
    public static IServiceCollection AddInsightsGrains(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<VideoOptions>().Bind(configuration.GetSection(VideoOptions.SectionName));
        services.AddValidatedOptions<LeaderboardOptions, LeaderboardOptionsValidator>(LeaderboardOptions.SectionName);
        services.AddOptions<DimensionsOptions>().Bind(configuration.GetSection(DimensionsOptions.SectionName));
        services.AddOptions<CreatorOptions>().Bind(configuration.GetSection(CreatorOptions.SectionName));
        services.TryAddSingleton(TimeProvider.System);
        services.AddInsightsAlertServices();
        return services;
    }
}
