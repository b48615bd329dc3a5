namespace Insights.ClusterHosting.Clustering;

using Insights.Lake.Azure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Clustering.AzureStorage;
using Orleans.Configuration;

/// <summary>
/// Membership and reminders in Azure Table Storage (<c>Insights:Cluster:AzureTable</c>), so an Azure deployment needs
/// no Redis; clients read the gateways from the same membership table.
/// </summary>
internal sealed class AzureTableClusteringProvider : IClusteringProvider
{
    public const string Name = InsightsClusterOptions.AzureTableProvider;

    public void Configure(ISiloBuilder silo, string? name, IConfigurationSection section)
    {
        silo.UseAzureStorageClustering(o => o.Configure<IOptions<InsightsClusterOptions>>((c, cluster) => Membership(c, cluster.Value.AzureTable)));
        silo.UseAzureTableReminderService(o => o.Configure<IOptions<InsightsClusterOptions>>((c, cluster) =>
        {
            var table = cluster.Value.AzureTable;
            c.TableServiceClient = Tables(table);
            c.TableName = string.IsNullOrWhiteSpace(table.RemindersTableName) ? c.TableName : table.RemindersTableName;
        }));
        silo.UseClusterNetwork();
    }

    public void Configure(IClientBuilder client, string? name, IConfigurationSection section)
    {
        client.UseAzureStorageClustering(o => o.Configure<IOptions<InsightsClusterOptions>>((g, cluster) =>
        {
            g.TableServiceClient = Tables(cluster.Value.AzureTable);
            g.TableName = string.IsNullOrWhiteSpace(cluster.Value.AzureTable.MembershipTableName) ? g.TableName : cluster.Value.AzureTable.MembershipTableName;
        }));
        client.Services.AddOptions<ClusterOptions>().Configure<IOptions<InsightsClusterOptions>>((o, c) => (o.ClusterId, o.ServiceId) = (c.Value.ClusterId, c.Value.ServiceId));
    }

    private static void Membership(AzureStorageClusteringOptions c, AzureTableClusterOptions table)
    {
        c.TableServiceClient = Tables(table);
        c.TableName = string.IsNullOrWhiteSpace(table.MembershipTableName) ? c.TableName : table.MembershipTableName;
    }

    private static Azure.Data.Tables.TableServiceClient Tables(AzureTableClusterOptions table) =>
        TableServiceClientFactory.Create(table.ConnectionString, table.ServiceUri, AzureTableClusterOptions.SectionName);
}
