namespace Insights.Cluster.Tests;

using global::Azure.Data.Tables;
using Insights.ClusterHosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

[Collection(AzureTableTlsCollection.Name)]
public sealed class AzureTableTlsTests(AzureTableTlsFixture fixture)
{
    [Fact]
    public async Task Silos_join_through_the_table_and_the_api_calls_grains_over_tls()
    {
        var hosts = await Eventually.Until(
            async () => (await fixture.ClusterClient.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true)).Count,
            count => count == 2, TimeSpan.FromSeconds(60));
        Assert.Equal(2, hosts);

        // A product grain, placed on either silo, answered through a TLS gateway found in the table.
        var overview = await fixture.ClusterClient.GetGrain<ILeaderboardGrain>(ILeaderboardGrain.GlobalKey).Overview();
        Assert.NotNull(overview);

        var silos = new TableClient(fixture.ConnectionString, "OrleansSiloInstances");
        var rows = silos.QueryAsync<TableEntity>(e => e.PartitionKey == fixture.ClusterId);
        var active = new List<string>();
        await foreach (var row in rows)
        {
            if (row.GetString("Status") == "Active")
            {
                active.Add(row.RowKey);
            }
        }

        Assert.Equal(2, active.Count);
    }

    [Fact]
    public async Task The_warehouse_reminder_lands_in_the_azure_reminder_table()
    {
        var reminders = new TableClient(fixture.ConnectionString, "OrleansReminders");
        var found = await Eventually.Until(async () =>
        {
            try
            {
                await foreach (var row in reminders.QueryAsync<TableEntity>())
                {
                    if (row.GetString("ReminderName") == "warehouse-load" && row.GetString("ServiceId") == "insights")
                    {
                        return true;
                    }
                }
            }
            catch (global::Azure.RequestFailedException ex) when (ex.Status == 404)
            {
                // The table appears when the first silo starts its reminder service.
            }

            return false;
        }, done => done, TimeSpan.FromSeconds(60));
        Assert.True(found, "no warehouse-load reminder row in the Azure reminder table");
    }

    [Fact]
    public async Task A_client_without_tls_cannot_call_the_tls_cluster()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Insights:Cluster:Provider"] = "AzureTable",
            ["Insights:Cluster:ClusterId"] = fixture.ClusterId,
            ["Insights:Cluster:AzureTable:ConnectionString"] = fixture.ConnectionString,
        });
        builder.UseOrleansClient(client => client.AddInsightsClustering(builder.Configuration));
        var logs = new LogRecorder(LogLevel.Warning);
        builder.Logging.AddProvider(logs);
        using var host = builder.Build();

        // A TLS gateway closes a plain-text connection during the handshake: every attempt on both gateways fails and
        // the client keeps retrying (RetryUntilClusterIsUp, a round a second). With TLS off on the silos the same
        // client would connect at its first attempt and never log a failed round.
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var start = host.StartAsync(patience.Token);
        var failedRounds = await Eventually.Until(
            () => Task.FromResult(logs.Warnings.Count(m => m.Contains("Unable to connect to any of the", StringComparison.Ordinal))),
            rounds => rounds >= 3 || start.IsCompleted, TimeSpan.FromSeconds(60));

        Assert.True(failedRounds >= 3, $"{failedRounds} failed connection rounds; the client started: {start.Status}");
        Assert.False(start.IsCompleted, "the client connected to the TLS cluster without TLS");
        Assert.Contains(logs.Entries, e => e.Category == "Orleans.Runtime.Messaging.ConnectionManager" && e.Message.StartsWith("Connection attempt to endpoint", StringComparison.Ordinal));
        await patience.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => start);
    }
}
