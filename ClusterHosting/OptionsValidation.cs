namespace Insights.ClusterHosting;

using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

/// <summary>
/// The one way Insights' host options are checked: an <see cref="IValidateOptions{TOptions}"/> validator whose every
/// failure names its configuration key. Options read lazily are validated when the host starts
/// (<c>ValidateOnStart</c>); where Orleans takes a value while the host is being built (the TLS certificate, the
/// number of stream queues), <see cref="ValidNow"/> runs the same validator then.
/// </summary>
public static class OptionsValidation
{
    /// <summary>Binds <typeparamref name="TOptions"/> from <paramref name="section"/> and validates it at start.</summary>
    public static OptionsBuilder<TOptions> AddValidatedOptions<TOptions, TValidator>(this IServiceCollection services, string section)
        where TOptions : class
        where TValidator : class, IValidateOptions<TOptions>
    {
        services.AddSingleton<IValidateOptions<TOptions>, TValidator>();
        return services.AddOptions<TOptions>().BindConfiguration(section).ValidateOnStart();
    }

    /// <summary>The section's values as they are now; a value the binder cannot convert throws naming its key.</summary>
    public static TOptions Read<TOptions>(this IConfiguration configuration, string section)
        where TOptions : class, new() =>
        configuration.GetSection(section).Get<TOptions>() ?? new TOptions();

    /// <summary>Runs <paramref name="validator"/> now and throws its failures, for values Orleans needs while building.</summary>
    public static TOptions ValidNow<TOptions>(this TOptions options, IValidateOptions<TOptions> validator)
        where TOptions : class
    {
        var result = validator.Validate(Options.DefaultName, options);
        return result.Failed ? throw new OptionsValidationException(Options.DefaultName, typeof(TOptions), result.Failures) : options;
    }
}
