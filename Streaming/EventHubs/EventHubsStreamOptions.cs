namespace Insights.Streaming.EventHubs;

/// <summary>
/// Azure Event Hubs through the official Orleans provider (Microsoft.Orleans.Streaming.EventHubs, AMQP). Bound from
/// <c>Insights:Streams:EventHubs</c>; the silo (reading, checkpointing) and the API (publishing) share the connection
/// keys, only the silo needs <see cref="Checkpoint"/>.
/// </summary>
public sealed class EventHubsStreamOptions
{
    public const string SectionName = "Insights:Streams:EventHubs";

    public const string Earliest = "Earliest";
    public const string Latest = "Latest";

    /// <summary>
    /// An Event Hubs connection string (a shared access policy of the namespace or the hub, with Send and Listen). A
    /// secret: give it through the environment. Set this or <see cref="FullyQualifiedNamespace"/>.
    /// </summary>
    public string? ConnectionString { get; set; }

    /// <summary>
    /// <c>&lt;namespace&gt;.servicebus.windows.net</c>, signed in with Entra ID (<c>DefaultAzureCredential</c>; the
    /// identity needs "Azure Event Hubs Data Receiver" on the silo and "Azure Event Hubs Data Sender" on the API).
    /// </summary>
    public string? FullyQualifiedNamespace { get; set; }

    /// <summary>The event hub. Its partitions are read from the hub: one Orleans queue per partition.</summary>
    public string Path { get; set; } = "video-events";

    /// <summary>The consumer group the silos read with; give Insights its own.</summary>
    public string ConsumerGroup { get; set; } = "$Default";

    /// <summary>Where a partition without a checkpoint starts: <c>Earliest</c> or <c>Latest</c>.</summary>
    public string StartFrom { get; set; } = Earliest;

    /// <summary>
    /// Least time a message stays in the silo's cache before it may be purged, and so checkpointed. Keep it well above
    /// <c>Insights:Streams:MaxDeliveryTime</c>: the checkpoint follows purges, not deliveries (see the README).
    /// </summary>
    public TimeSpan DataMinTimeInCache { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>A message is purged only once the newest cached message was enqueued this much later.</summary>
    public TimeSpan DataMaxAgeInCache { get; set; } = TimeSpan.FromMinutes(30);

    public EventHubsCheckpointOptions Checkpoint { get; set; } = new();

    public bool StartsFromEarliest => string.Equals(StartFrom, Earliest, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Throws <see cref="InvalidOperationException"/> naming the first offending key under <paramref name="sectionName"/>;
    /// <paramref name="reads"/> (the silo) also checks what reading and checkpointing need.
    /// </summary>
    public void Validate(string sectionName, bool reads)
    {
        void Require(bool ok, string key, string problem)
        {
            if (!ok)
            {
                throw new InvalidOperationException($"{sectionName}:{key} {problem}.");
            }
        }

        var hasConnectionString = !string.IsNullOrWhiteSpace(ConnectionString);
        var hasNamespace = !string.IsNullOrWhiteSpace(FullyQualifiedNamespace);
        if (hasConnectionString == hasNamespace)
        {
            throw new InvalidOperationException(hasConnectionString
                ? $"{sectionName}:ConnectionString and {sectionName}:FullyQualifiedNamespace are both set; set only one of them."
                : $"Event Hubs streams are not configured: set {sectionName}:ConnectionString (a shared access policy's " +
                  $"connection string, through the environment) or {sectionName}:FullyQualifiedNamespace " +
                  "(<namespace>.servicebus.windows.net, signed in with Entra ID).");
        }

        if (hasConnectionString)
        {
            // Never echo the value: it is a secret.
            Require(ConnectionString!.Contains("Endpoint=", StringComparison.OrdinalIgnoreCase)
                && ConnectionString.Contains("SharedAccess", StringComparison.OrdinalIgnoreCase),
                nameof(ConnectionString), "is not an Event Hubs connection string (Endpoint=sb://...;SharedAccessKeyName=...;SharedAccessKey=...)");
        }
        else
        {
            Require(Uri.CheckHostName(FullyQualifiedNamespace) == UriHostNameType.Dns && FullyQualifiedNamespace!.Contains('.', StringComparison.Ordinal),
                nameof(FullyQualifiedNamespace), $"must be a host name like <namespace>.servicebus.windows.net, not '{FullyQualifiedNamespace}'");
        }

        Require(IsValidHubName(Path), nameof(Path), $"must be an event hub name: 1 to 256 letters, digits, '.', '_' or '-', not '{Path}'");
        Require(!string.IsNullOrWhiteSpace(ConsumerGroup), nameof(ConsumerGroup), "is required");
        Require(StartFrom is not null && (StartsFromEarliest || string.Equals(StartFrom, Latest, StringComparison.OrdinalIgnoreCase)),
            nameof(StartFrom), $"must be {Earliest} or {Latest}, not '{StartFrom}'");
        if (reads)
        {
            Require(DataMinTimeInCache >= TimeSpan.FromSeconds(1) && DataMinTimeInCache <= TimeSpan.FromHours(24), nameof(DataMinTimeInCache),
                $"must be between 00:00:01 and 1.00:00:00 (got {DataMinTimeInCache})");
            Require(DataMaxAgeInCache >= TimeSpan.FromSeconds(1) && DataMaxAgeInCache <= TimeSpan.FromHours(24), nameof(DataMaxAgeInCache),
                $"must be between 00:00:01 and 1.00:00:00 (got {DataMaxAgeInCache})");
            Checkpoint.Validate(sectionName + ":" + nameof(Checkpoint));
        }
    }

    /// <summary>
    /// The checkpoint follows the cache's purges, which are timed: a message stays cached (so is not checkpointed) at
    /// least <see cref="DataMinTimeInCache"/>, which must outlast the retries of its delivery.
    /// </summary>
    public EventHubsStreamOptions CheckedAgainst(TimeSpan maxDeliveryTime, string maxDeliveryTimeKey)
    {
        if (DataMinTimeInCache <= maxDeliveryTime)
        {
            throw new InvalidOperationException(
                $"{SectionName}:DataMinTimeInCache ({DataMinTimeInCache}) must be longer than {maxDeliveryTimeKey} ({maxDeliveryTime}): " +
                "a message could otherwise be checkpointed while its delivery is still being retried.");
        }

        return this;
    }

    private static bool IsValidHubName(string? name) =>
        name is { Length: > 0 and <= 256 } && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-');
}

/// <summary>
/// Where the silos keep each partition's checkpoint: an Azure Storage table, through the provider's own Azure Table
/// checkpointer (one row per provider, service and partition).
/// </summary>
public sealed class EventHubsCheckpointOptions
{
    /// <summary>A storage connection string (account key, SAS, or Azurite). Set this or <see cref="TableServiceUri"/>.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>
    /// <c>https://&lt;account&gt;.table.core.windows.net</c>, signed in with <c>DefaultAzureCredential</c> (role "Storage
    /// Table Data Contributor").
    /// </summary>
    public Uri? TableServiceUri { get; set; }

    /// <summary>The table, created if missing.</summary>
    public string TableName { get; set; } = "insightscheckpoints";

    /// <summary>Least time between two writes of a partition's checkpoint (a stopping silo writes its last one).</summary>
    public TimeSpan PersistInterval { get; set; } = TimeSpan.FromSeconds(30);

    public void Validate(string sectionName)
    {
        var hasConnectionString = !string.IsNullOrWhiteSpace(ConnectionString);
        if (hasConnectionString == (TableServiceUri is not null))
        {
            throw new InvalidOperationException(hasConnectionString
                ? $"{sectionName}:ConnectionString and {sectionName}:TableServiceUri are both set; set only one of them."
                : $"Event Hubs checkpoints are not configured: set {sectionName}:ConnectionString (account key, SAS or Azurite) " +
                  $"or {sectionName}:TableServiceUri (https://<account>.table.core.windows.net, signed in with Entra ID).");
        }

        if (TableServiceUri is { } uri && (!uri.IsAbsoluteUri || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)))
        {
            throw new InvalidOperationException(
                $"{sectionName}:TableServiceUri '{uri}' must be an absolute http(s) URL like https://<account>.table.core.windows.net.");
        }

        // Azure table names: 3 to 63 letters and digits, starting with a letter.
        if (TableName is not { Length: >= 3 and <= 63 } || !char.IsAsciiLetter(TableName[0]) || !TableName.All(char.IsAsciiLetterOrDigit))
        {
            throw new InvalidOperationException(
                $"{sectionName}:TableName '{TableName}' must be 3 to 63 letters and digits, starting with a letter.");
        }

        if (PersistInterval < TimeSpan.FromSeconds(1) || PersistInterval > TimeSpan.FromHours(1))
        {
            throw new InvalidOperationException($"{sectionName}:PersistInterval '{PersistInterval}' must be between 00:00:01 and 01:00:00.");
        }
    }
}
