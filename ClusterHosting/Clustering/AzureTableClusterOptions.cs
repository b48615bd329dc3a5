namespace Insights.ClusterHosting.Clustering;

/// <summary>
/// <c>Insights:Cluster:AzureTable</c>: the storage account whose tables hold the membership (silos and gateways) and
/// the reminders. Exactly one of <see cref="ConnectionString"/> or <see cref="ServiceUri"/> (Entra ID through
/// <c>DefaultAzureCredential</c>; the identity needs the Storage Table Data Contributor role).
/// </summary>
public sealed class AzureTableClusterOptions
{
    public const string SectionName = InsightsClusterOptions.SectionName + ":AzureTable";

    /// <summary>A storage connection string (account key, SAS, or Azurite's). A secret.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>The account's table endpoint, <c>https://&lt;account&gt;.table.core.windows.net</c>.</summary>
    public string? ServiceUri { get; set; }

    /// <summary>Membership table; Orleans' default (<c>OrleansSiloInstances</c>) when empty.</summary>
    public string? MembershipTableName { get; set; }

    /// <summary>Reminder table; Orleans' default (<c>OrleansReminders</c>) when empty.</summary>
    public string? RemindersTableName { get; set; }
}
