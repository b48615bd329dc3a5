namespace Insights.Streaming.AzureQueues;

using Microsoft.Extensions.Options;

/// <summary>Checks <c>Insights:Streams:AzureQueue</c>; every failure names its key.</summary>
public sealed class AzureQueueStreamOptionsValidator : IValidateOptions<AzureQueueStreamOptions>
{
    private const string Section = AzureQueueStreamOptions.SectionName;

    public ValidateOptionsResult Validate(string? name, AzureQueueStreamOptions options)
    {
        var failures = new List<string>();
        var hasConnectionString = !string.IsNullOrWhiteSpace(options.ConnectionString);
        if (hasConnectionString == (options.ServiceUri is not null))
        {
            failures.Add(hasConnectionString
                ? $"{Section}:ConnectionString and {Section}:ServiceUri are both set; set only one of them."
                : $"Azure queue streams are not configured: set {Section}:ConnectionString (account key, SAS or " +
                  $"Azurite) or {Section}:ServiceUri (https://<account>.queue.core.windows.net, signed in with Entra ID).");
        }

        if (options.ServiceUri is { } uri && (!uri.IsAbsoluteUri || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)))
        {
            failures.Add($"{Section}:ServiceUri '{uri}' must be an absolute http(s) URL like https://<account>.queue.core.windows.net.");
        }

        if (!AzureQueueStreamOptions.IsValidPrefix(options.QueuePrefix))
        {
            failures.Add($"{Section}:QueuePrefix '{options.QueuePrefix}' is not a valid queue name prefix: 1 to " +
                $"{AzureQueueStreamOptions.MaxQueuePrefixLength} lowercase letters, digits and single hyphens, starting and ending with a letter or digit.");
        }

        // Azure takes whole seconds, from 1 second to 7 days.
        if (options.VisibilityTimeout < TimeSpan.FromSeconds(1) || options.VisibilityTimeout > TimeSpan.FromDays(7))
        {
            failures.Add($"{Section}:VisibilityTimeout '{options.VisibilityTimeout}' must be between 00:00:01 and 7.00:00:00.");
        }

        if (options.MaxIdlePollInterval < TimeSpan.Zero || options.MaxIdlePollInterval > TimeSpan.FromMinutes(1))
        {
            failures.Add($"{Section}:MaxIdlePollInterval '{options.MaxIdlePollInterval}' must be between 00:00:00 and 00:01:00.");
        }

        if (options.MaxDeliveryFailures < 1)
        {
            failures.Add($"{Section}:MaxDeliveryFailures {options.MaxDeliveryFailures} must be at least 1.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
