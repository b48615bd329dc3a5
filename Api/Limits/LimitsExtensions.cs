namespace Insights.Api.Limits;

using Microsoft.AspNetCore.Http.Timeouts;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;

public static class LimitsExtensions
{
    /// <summary>
    /// Rate limits, request timeouts, body and Kestrel limits (<c>Insights:Api</c>); like the auth options, bound
    /// lazily so that every configuration source counts.
    /// </summary>
    public static IHostApplicationBuilder AddInsightsLimits(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<ApiLimitsOptions>().Bind(builder.Configuration.GetSection(ApiLimitsOptions.SectionName));
        services.AddRateLimiter(RateLimitPolicies.Configure);
        services.AddRequestTimeouts();
        services.AddOptions<RequestTimeoutOptions>().Configure<IOptions<ApiLimitsOptions>>((o, limits) => RequestTimeouts.Configure(o, limits.Value));
        services.AddOptions<KestrelServerOptions>().Configure<IOptions<ApiLimitsOptions>>((o, limits) => KestrelLimits.Configure(o, limits.Value));
        services.AddExceptionHandler<BadRequestExceptionHandler>();
        return builder;
    }

    /// <summary>After authorization: rate limits per authenticated caller, then timeouts, then the body limit.</summary>
    public static WebApplication UseInsightsLimits(this WebApplication app)
    {
        Validate(app.Services.GetRequiredService<IOptions<ApiLimitsOptions>>().Value);
        app.UseRateLimiter();
        app.UseRequestTimeouts();
        app.UseMiddleware<RequestBodyLimitMiddleware>();
        return app;
    }

    private static void Validate(ApiLimitsOptions o)
    {
        const string p = ApiLimitsOptions.SectionName;
        var errors = new List<string>();
        if (o.MaxRequestBodyBytes < 1)
        {
            errors.Add($"{p}:MaxRequestBodyBytes must be positive (is {o.MaxRequestBodyBytes}).");
        }

        if (o.MaxJsonDepth is < 3 or > 256)
        {
            errors.Add($"{p}:MaxJsonDepth must be between 3 (events with hashtag arrays) and 256 (is {o.MaxJsonDepth}).");
        }

        if (o.RequestTimeout <= TimeSpan.Zero)
        {
            errors.Add($"{p}:RequestTimeout must be positive (is {o.RequestTimeout}).");
        }

        foreach (var (name, limit) in new[] { ("Ingest", o.RateLimits.Ingest), ("Read", o.RateLimits.Read) })
        {
            if (limit.TokenLimit < 1 || limit.TokensPerPeriod < 1 || limit.Period <= TimeSpan.Zero)
            {
                errors.Add($"{p}:RateLimits:{name}: TokenLimit, TokensPerPeriod and Period must be positive.");
            }
        }

        if (o.RateLimits.StreamsPerClient < 1)
        {
            errors.Add($"{p}:RateLimits:StreamsPerClient must be at least 1.");
        }

        if (errors.Count > 0)
        {
            throw new InvalidOperationException("Insights API limits are misconfigured:\n  " + string.Join("\n  ", errors));
        }
    }
}
