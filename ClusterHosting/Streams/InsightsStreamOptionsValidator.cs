namespace Insights.ClusterHosting.Streams;

using Microsoft.Extensions.Options;

/// <summary>Checks <c>Insights:Streams</c>; the provider's queues are laid out while the host is built, so this runs then.</summary>
internal sealed class InsightsStreamOptionsValidator : IValidateOptions<InsightsStreamOptions>
{
    private const string Section = InsightsStreamOptions.SectionName;

    public ValidateOptionsResult Validate(string? name, InsightsStreamOptions options)
    {
        var failures = new List<string>();
        if (!StreamProviders.TryGet(options.Provider, out _))
        {
            failures.Add($"{Section}:Provider '{options.Provider}' is not supported (use {string.Join(", ", StreamProviders.Names)}).");
        }

        if (options.Queues < 1)
        {
            failures.Add($"{Section}:Queues {options.Queues} must be at least 1.");
        }

        if (options.DeliveryBatchSize < 1)
        {
            failures.Add($"{Section}:DeliveryBatchSize {options.DeliveryBatchSize} must be at least 1.");
        }

        if (options.PollInterval <= TimeSpan.Zero)
        {
            failures.Add($"{Section}:PollInterval {options.PollInterval} must be positive.");
        }

        if (options.MaxDeliveryTime <= TimeSpan.Zero)
        {
            failures.Add($"{Section}:MaxDeliveryTime {options.MaxDeliveryTime} must be positive.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
