namespace Insights.Api.Security;

using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

public static class AuthExtensions
{
    /// <summary>
    /// API keys, bearer tokens and stream tokens, and the per-scope policies (<c>Insights:Auth</c>). Options are bound
    /// lazily: nothing here reads configuration, so sources added after this call (test hosts, Key Vault) count.
    /// </summary>
    public static IHostApplicationBuilder AddInsightsAuth(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<AuthOptions>().Bind(builder.Configuration.GetSection(AuthOptions.SectionName));
        services.AddSingleton<ApiKeyRing>();
        services.AddSingleton<StreamTokens>();
        services.TryAddSingleton(TimeProvider.System);

        services.AddAuthentication(AuthSchemes.Default)
            .AddPolicyScheme(AuthSchemes.Default, "API key, bearer token or stream token", o => o.ForwardDefaultSelector = AuthSchemes.Select)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(AuthSchemes.ApiKey, null)
            .AddScheme<AuthenticationSchemeOptions, StreamTokenAuthenticationHandler>(AuthSchemes.StreamToken, null)
            .AddJwtBearer(AuthSchemes.Bearer, _ => { });
        services.AddOptions<JwtBearerOptions>(AuthSchemes.Bearer)
            .Configure<IOptions<AuthOptions>>((jwt, auth) => JwtBearerSetup.Configure(jwt, auth.Value.Jwt));

        AuthPolicies.Add(services.AddAuthorizationBuilder());
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, ProblemAuthorizationResultHandler>();
        return builder;
    }

    /// <summary>
    /// Checks the configuration (a clear error at start rather than an open or unusable API), prints a generated
    /// Development key, then authenticates and authorizes every request that reaches this point of the pipeline.
    /// </summary>
    public static WebApplication UseInsightsAuth(this WebApplication app)
    {
        var ring = app.Services.GetRequiredService<ApiKeyRing>();
        AuthStartupCheck.Run(app.Services.GetRequiredService<IOptions<AuthOptions>>().Value, app.Environment, ring.Development, Console.Out);
        app.UseAuthentication();
        app.UseAuthorization();
        return app;
    }
}
