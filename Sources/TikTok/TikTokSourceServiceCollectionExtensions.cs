namespace Insights.Sources.TikTok;

using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

public static class TikTokSourceServiceCollectionExtensions
{
    /// <summary>The <see cref="IHttpClientFactory"/> client the source calls the Research API with.</summary>
    public const string HttpClientName = "tiktok-research";

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
        // Pooled, recycled handlers from the factory. The hosts' standard resilience handler is removed here: the
        // client already retries by the Research API's rules, and every attempt must be taken from the request budget
        // first, which a retry inside the handler would bypass (one budget token spent, several requests sent).
        // RemoveAllResilienceHandlers is marked for evaluation (EXTEXP0001) but is the library's documented way to opt
        // one client out of ConfigureHttpClientDefaults; the alternative, no defaults for any client, is worse.
#pragma warning disable EXTEXP0001
        services.AddHttpClient(HttpClientName, (sp, client) =>
                client.Timeout = sp.GetRequiredService<IOptions<TikTokSourceOptions>>().Value.RequestTimeout)
            .RemoveAllResilienceHandlers();
#pragma warning restore EXTEXP0001
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
