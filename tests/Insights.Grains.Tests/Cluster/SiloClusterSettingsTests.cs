namespace Insights.Grains.Tests.Cluster;

using Insights.ClusterHosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

/// <summary>
/// A silo and a client (the API's) refuse to start on incomplete cluster settings, naming the key to set: both read
/// <c>Insights:Cluster</c> through the same providers and validator.
/// </summary>
public sealed class SiloClusterSettingsTests
{
    public enum Side { Silo, Client }

    /// <summary>Builds and starts a host of <paramref name="side"/>; returns the refusal's message.</summary>
    private static async Task<string> RefusalAsync(Side side, Dictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(settings);
        var ex = await Assert.ThrowsAsync<OptionsValidationException>(async () =>
        {
            if (side == Side.Silo)
            {
                builder.UseOrleans(silo => silo.AddInsightsClustering(builder.Configuration));
            }
            else
            {
                builder.UseOrleansClient(client => client.AddInsightsClustering(builder.Configuration));
            }

            using var host = builder.Build();
            using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await host.StartAsync(patience.Token);
        });
        return ex.Message;
    }

    [Theory]
    [InlineData(Side.Silo)]
    [InlineData(Side.Client)]
    public async Task Azure_table_clustering_without_connection_settings_names_both_keys(Side side)
    {
        var message = await RefusalAsync(side, new() { ["Insights:Cluster:Provider"] = "AzureTable" });
        Assert.Contains("Insights:Cluster:AzureTable:ConnectionString", message);
        Assert.Contains("Insights:Cluster:AzureTable:ServiceUri", message);
    }

    [Theory]
    [InlineData(Side.Silo)]
    [InlineData(Side.Client)]
    public async Task Azure_table_clustering_with_an_http_service_uri_names_the_key(Side side)
    {
        var message = await RefusalAsync(side, new()
        {
            ["Insights:Cluster:Provider"] = "AzureTable",
            ["Insights:Cluster:AzureTable:ServiceUri"] = "http://acct.table.core.windows.net",
        });
        Assert.Contains("Insights:Cluster:AzureTable:ServiceUri", message);
    }

    [Theory]
    [InlineData(Side.Silo)]
    [InlineData(Side.Client)]
    public async Task Redis_clustering_without_a_connection_string_names_the_key(Side side)
    {
        var message = await RefusalAsync(side, new() { ["Insights:Cluster:Provider"] = "Redis" });
        Assert.Contains("Insights:Cluster:Redis:ConnectionString is required", message);
    }

    [Theory]
    [InlineData(Side.Silo)]
    [InlineData(Side.Client)]
    public async Task An_unknown_provider_names_the_key_and_the_choices(Side side)
    {
        var message = await RefusalAsync(side, new() { ["Insights:Cluster:Provider"] = "Consul" });
        Assert.Contains("Insights:Cluster:Provider 'Consul' is not supported", message);
        Assert.Contains("Localhost, Redis, AzureTable", message);
    }

    [Fact]
    public async Task A_bad_advertised_address_and_port_are_both_named()
    {
        var message = await RefusalAsync(Side.Silo, new()
        {
            ["Insights:Cluster:Provider"] = "Redis",
            ["Insights:Cluster:Redis:ConnectionString"] = "localhost:6379",
            ["Insights:Cluster:AdvertisedIPAddress"] = "not-an-ip",
            ["Insights:Cluster:SiloPort"] = "70000",
        });
        Assert.Contains("Insights:Cluster:AdvertisedIPAddress 'not-an-ip' is not an IP address", message);
        Assert.Contains("Insights:Cluster:SiloPort 70000 is not a port number", message);
    }

    [Theory]
    [InlineData(Side.Silo)]
    [InlineData(Side.Client)]
    public async Task Tls_with_a_missing_certificate_file_names_the_key(Side side)
    {
        var message = await RefusalAsync(side, new()
        {
            ["Insights:Cluster:Tls:Enabled"] = "true",
            ["Insights:Cluster:Tls:CertificatePath"] = "/nonexistent/cluster.pfx",
        });
        Assert.Contains("Insights:Cluster:Tls:CertificatePath '/nonexistent/cluster.pfx' does not exist", message);
    }

    [Fact]
    public async Task Tls_with_two_certificate_sources_is_refused()
    {
        var message = await RefusalAsync(Side.Silo, new()
        {
            ["Insights:Cluster:Tls:Enabled"] = "true",
            ["Insights:Cluster:Tls:CertificatePath"] = "/x.pfx",
            ["Insights:Cluster:Tls:CertificateSubject"] = "CN=x",
        });
        Assert.Contains("exactly one of", message);
    }

    [Fact]
    public void Azure_table_clustering_registers_table_membership_and_reminders_and_keeps_kubernetes_hosting()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Insights:Cluster:Provider"] = "AzureTable",
            ["Insights:Cluster:AzureTable:ConnectionString"] = "UseDevelopmentStorage=true",
            ["Insights:Cluster:Kubernetes"] = "true",
        }).Build();
        var builder = Host.CreateApplicationBuilder();
        builder.UseOrleans(silo => silo.AddInsightsClustering(configuration));

        static bool From(ServiceDescriptor d, string assembly) =>
            (d.IsKeyedService ? d.KeyedImplementationType : d.ImplementationType)?.Assembly.GetName().Name == assembly;
        Assert.Contains(builder.Services, d => d.ServiceType.Name == "IMembershipTable" && From(d, "Orleans.Clustering.AzureStorage"));
        Assert.Contains(builder.Services, d => d.ServiceType.Name == "IReminderTable" && From(d, "Orleans.Reminders.AzureStorage"));
        Assert.Contains(builder.Services, d => From(d, "Orleans.Hosting.Kubernetes"));
    }

    [Fact]
    public void Redis_clustering_registers_redis_membership_and_reminders_on_the_silo_and_membership_on_the_client()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Insights:Cluster:Provider"] = "redis", // provider names are matched without regard to case, like Orleans' own
            ["Insights:Cluster:Redis:ConnectionString"] = "localhost:6379",
        };
        var silo = Host.CreateApplicationBuilder();
        silo.Configuration.AddInMemoryCollection(settings);
        silo.UseOrleans(s => s.AddInsightsClustering(silo.Configuration));
        var client = Host.CreateApplicationBuilder();
        client.Configuration.AddInMemoryCollection(settings);
        client.UseOrleansClient(c => c.AddInsightsClustering(client.Configuration));

        // Redis' packages register their tables through factories: look for their own types among the services.
        static bool From(ServiceDescriptor d, string assembly) =>
            new[] { d.ServiceType, d.IsKeyedService ? d.KeyedImplementationType : d.ImplementationType }
                .Any(t => t?.Assembly.GetName().Name == assembly);
        Assert.Contains(silo.Services, d => From(d, "Orleans.Clustering.Redis"));
        Assert.Contains(silo.Services, d => From(d, "Orleans.Reminders.Redis"));
        Assert.Contains(client.Services, d => d.ServiceType.Name == "IGatewayListProvider" && From(d, "Orleans.Clustering.Redis"));
    }
}
