namespace Insights.Sources.TikTok;

using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

public static class TikTokSourceServiceCollectionExtensions
{
    /// <summary>
    /// The TikTok source's options (<c>Insights:Sources:TikTok</c>, validated at start when enabled: every problem
    /// names its key), its metrics and a clock. The host runs the source (on a silo: the one poller grain).
    /// </summary>
    public static IServiceCollection AddInsightsTikTokSource(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<TikTokSourceOptions>().Bind(configuration.GetSection(TikTokSourceOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TikTokSourceOptions>, TikTokOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddMetrics();
        services.TryAddSingleton<SourceMetrics>();
        return services;
    }

    /// <summary>Names every problem of an enabled configuration in the start-up failure.</summary>
    private sealed class TikTokOptionsValidator : IValidateOptions<TikTokSourceOptions>
    {
        public ValidateOptionsResult Validate(string? name, TikTokSourceOptions options)
        {
            var problems = options.Validate();
            return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
        }
    }
}
