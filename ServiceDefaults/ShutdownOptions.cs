namespace Insights.ServiceDefaults;

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

/// <summary>
/// <c>Insights:ShutdownTimeout</c> (default 45 s): how long a stopping process may take. The silo stops pulling,
/// deactivates grains (which write their state) and flushes the lake; the API flushes its raw and quarantine writers.
/// Kubernetes' termination grace period must be longer.
/// </summary>
public sealed class ShutdownOptions
{
    public const string SectionName = "Insights";

    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(45);
}

internal sealed class ShutdownOptionsValidator : IValidateOptions<ShutdownOptions>
{
    public ValidateOptionsResult Validate(string? name, ShutdownOptions options) =>
        options.ShutdownTimeout > TimeSpan.Zero
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"{ShutdownOptions.SectionName}:ShutdownTimeout {options.ShutdownTimeout} must be positive.");
}

public static class ShutdownExtensions
{
    public static IHostApplicationBuilder AddShutdownTimeout(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<IValidateOptions<ShutdownOptions>, ShutdownOptionsValidator>();
        builder.Services.AddOptions<ShutdownOptions>().BindConfiguration(ShutdownOptions.SectionName).ValidateOnStart();
        builder.Services.AddOptions<HostOptions>()
            .Configure<IOptions<ShutdownOptions>>((host, shutdown) => host.ShutdownTimeout = shutdown.Value.ShutdownTimeout);
        return builder;
    }
}
