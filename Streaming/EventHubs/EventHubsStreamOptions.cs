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

    internal static bool IsValidHubName(string? name) =>
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
}
