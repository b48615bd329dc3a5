namespace Insights.Sources.Hosting;

using Insights.Sources.TikTok;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

public static class SourcesServiceCollectionExtensions
{
    /// <summary>
    /// The event sources enabled in configuration (today <c>Insights:Sources:TikTok</c>), run by
    /// <see cref="EventSourcesHostedService"/>; nothing runs while every source is disabled (the default). The host
    /// registers the <see cref="IEventSink"/> they send to. An enabled source with an invalid configuration stops the
    /// host at start, naming the key.
    /// </summary>
    public static IServiceCollection AddInsightsEventSources(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(TikTokSourceOptions.SectionName);
        services.AddOptions<TikTokSourceOptions>().Bind(section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TikTokSourceOptions>, TikTokOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddMetrics();
        services.TryAddSingleton<SourceMetrics>();

        if (section.GetValue<bool>(nameof(TikTokSourceOptions.Enabled)))
        {
            services.AddSingleton<IEventSource>(sp => new TikTokSource(
                sp.GetRequiredService<IOptions<TikTokSourceOptions>>().Value,
                sp.GetRequiredService<IEventSink>(),
                sp.GetRequiredService<SourceMetrics>(),
                sp.GetRequiredService<TimeProvider>(),
                sp.GetRequiredService<ILoggerFactory>()));
            services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, EventSourcesHostedService>());
        }

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
