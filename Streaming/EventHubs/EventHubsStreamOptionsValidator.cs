namespace Insights.Streaming.EventHubs;

using Microsoft.Extensions.Options;

/// <summary>
/// Checks <c>Insights:Streams:EventHubs</c>; every failure names its key. <paramref name="reads"/> (the silo) also
/// checks what reading and checkpointing need. The checkpoint follows the cache's purges, which are timed: with
/// <paramref name="maxDeliveryTime"/> (<c>Insights:Streams:MaxDeliveryTime</c>) a message must stay cached
/// (<c>DataMinTimeInCache</c>) longer than the retries of its delivery, or it could be checkpointed while still retried.
/// </summary>
public sealed class EventHubsStreamOptionsValidator(bool reads, TimeSpan? maxDeliveryTime = null) : IValidateOptions<EventHubsStreamOptions>
{
    private const string Section = EventHubsStreamOptions.SectionName;
    private const string CheckpointSection = Section + ":" + nameof(EventHubsStreamOptions.Checkpoint);

    public ValidateOptionsResult Validate(string? name, EventHubsStreamOptions options)
    {
        var failures = new List<string>();
        void Require(bool ok, string key, string problem)
        {
            if (!ok)
            {
                failures.Add($"{key} {problem}.");
            }
        }

        var hasConnectionString = !string.IsNullOrWhiteSpace(options.ConnectionString);
        var hasNamespace = !string.IsNullOrWhiteSpace(options.FullyQualifiedNamespace);
        if (hasConnectionString == hasNamespace)
        {
            failures.Add(hasConnectionString
                ? $"{Section}:ConnectionString and {Section}:FullyQualifiedNamespace are both set; set only one of them."
                : $"Event Hubs streams are not configured: set {Section}:ConnectionString (a shared access policy's " +
                  $"connection string, through the environment) or {Section}:FullyQualifiedNamespace " +
                  "(<namespace>.servicebus.windows.net, signed in with Entra ID).");
        }
        else if (hasConnectionString)
        {
            // Never echo the value: it is a secret.
            Require(options.ConnectionString!.Contains("Endpoint=", StringComparison.OrdinalIgnoreCase)
                && options.ConnectionString.Contains("SharedAccess", StringComparison.OrdinalIgnoreCase),
                $"{Section}:ConnectionString", "is not an Event Hubs connection string (Endpoint=sb://...;SharedAccessKeyName=...;SharedAccessKey=...)");
        }
        else
        {
            Require(Uri.CheckHostName(options.FullyQualifiedNamespace) == UriHostNameType.Dns && options.FullyQualifiedNamespace!.Contains('.', StringComparison.Ordinal),
                $"{Section}:FullyQualifiedNamespace", $"must be a host name like <namespace>.servicebus.windows.net, not '{options.FullyQualifiedNamespace}'");
        }

        Require(EventHubsStreamOptions.IsValidHubName(options.Path), $"{Section}:Path",
            $"must be an event hub name: 1 to 256 letters, digits, '.', '_' or '-', not '{options.Path}'");
        Require(!string.IsNullOrWhiteSpace(options.ConsumerGroup), $"{Section}:ConsumerGroup", "is required");
        Require(options.StartFrom is not null
                && (options.StartsFromEarliest || string.Equals(options.StartFrom, EventHubsStreamOptions.Latest, StringComparison.OrdinalIgnoreCase)),
            $"{Section}:StartFrom", $"must be {EventHubsStreamOptions.Earliest} or {EventHubsStreamOptions.Latest}, not '{options.StartFrom}'");
        if (!reads)
        {
            return Result(failures);
        }

        Require(options.DataMinTimeInCache >= TimeSpan.FromSeconds(1) && options.DataMinTimeInCache <= TimeSpan.FromHours(24),
            $"{Section}:DataMinTimeInCache", $"must be between 00:00:01 and 1.00:00:00 (got {options.DataMinTimeInCache})");
        Require(options.DataMaxAgeInCache >= TimeSpan.FromSeconds(1) && options.DataMaxAgeInCache <= TimeSpan.FromHours(24),
            $"{Section}:DataMaxAgeInCache", $"must be between 00:00:01 and 1.00:00:00 (got {options.DataMaxAgeInCache})");
        if (maxDeliveryTime is { } delivery)
        {
            Require(options.DataMinTimeInCache > delivery, $"{Section}:DataMinTimeInCache",
                $"({options.DataMinTimeInCache}) must be longer than Insights:Streams:MaxDeliveryTime ({delivery}): " +
                "a message could otherwise be checkpointed while its delivery is still being retried");
        }

        var checkpoint = options.Checkpoint;
        var hasTableConnectionString = !string.IsNullOrWhiteSpace(checkpoint.ConnectionString);
        if (hasTableConnectionString == (checkpoint.TableServiceUri is not null))
        {
            failures.Add(hasTableConnectionString
                ? $"{CheckpointSection}:ConnectionString and {CheckpointSection}:TableServiceUri are both set; set only one of them."
                : $"Event Hubs checkpoints are not configured: set {CheckpointSection}:ConnectionString (account key, SAS or Azurite) " +
                  $"or {CheckpointSection}:TableServiceUri (https://<account>.table.core.windows.net, signed in with Entra ID).");
        }

        Require(checkpoint.TableServiceUri is not { } uri || (uri.IsAbsoluteUri && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)),
            $"{CheckpointSection}:TableServiceUri", $"'{checkpoint.TableServiceUri}' must be an absolute http(s) URL like https://<account>.table.core.windows.net");

        // Azure table names: 3 to 63 letters and digits, starting with a letter.
        Require(checkpoint.TableName is { Length: >= 3 and <= 63 } && char.IsAsciiLetter(checkpoint.TableName[0]) && checkpoint.TableName.All(char.IsAsciiLetterOrDigit),
            $"{CheckpointSection}:TableName", $"'{checkpoint.TableName}' must be 3 to 63 letters and digits, starting with a letter");
        Require(checkpoint.PersistInterval >= TimeSpan.FromSeconds(1) && checkpoint.PersistInterval <= TimeSpan.FromHours(1),
            $"{CheckpointSection}:PersistInterval", $"'{checkpoint.PersistInterval}' must be between 00:00:01 and 01:00:00");
        return Result(failures);
    }

    private static ValidateOptionsResult Result(List<string> failures) =>
        failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
}
