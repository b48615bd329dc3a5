namespace Insights.ServiceDefaults;

using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;

/// <summary>
/// <c>/healthz</c>: the process answers (liveness; a failure restarts the pod). <c>/readyz</c>: every check tagged
/// <see cref="ReadyTag"/> passes (readiness; a failure takes the pod out of the service). Both answer without
/// credentials and hold no data.
/// </summary>
public static class HealthEndpoints
{
    public const string LivePath = "/healthz";

    public const string ReadyPath = "/readyz";

    public const string LiveTag = "live";

    /// <summary>Tag a check with this to make readiness depend on it (the silo's membership, the client's gateways).</summary>
    public const string ReadyTag = "ready";

    public static IHostApplicationBuilder AddDefaultHealthChecks(this IHostApplicationBuilder builder)
    {
        builder.Services.AddHealthChecks().AddCheck("self", () => HealthCheckResult.Healthy(), [LiveTag]);
        return builder;
    }

    public static WebApplication MapHealthEndpoints(this WebApplication app)
    {
        app.MapHealthChecks("/healthz", new() { Predicate = check => check.Tags.Contains(LiveTag) }).AllowAnonymous();
        app.MapHealthChecks("/readyz", new() { Predicate = check => check.Tags.Contains(ReadyTag) }).AllowAnonymous();
        return app;
    }
}
