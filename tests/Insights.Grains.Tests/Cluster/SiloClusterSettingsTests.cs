namespace Insights.Grains.Tests.Cluster;

using Insights.Silo.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

/// <summary>A silo refuses to start on incomplete Azure Table or TLS settings, naming the key to set.</summary>
public sealed class SiloClusterSettingsTests
{
    private static InvalidOperationException BuildSilo(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var builder = Host.CreateApplicationBuilder();
        return Assert.Throws<InvalidOperationException>(() =>
            builder.UseOrleans(silo => silo.AddInsightsClustering(configuration).AddInsightsClusterTls(configuration)));
    }

    [Fact]
    public void Azure_table_clustering_without_connection_settings_names_both_keys()
    {
        var ex = BuildSilo(new() { ["Insights:Cluster:Provider"] = "AzureTable" });
        Assert.Contains("Insights:Cluster:AzureTable:ConnectionString", ex.Message);
        Assert.Contains("Insights:Cluster:AzureTable:ServiceUri", ex.Message);
    }

    [Fact]
    public void Azure_table_clustering_with_an_http_service_uri_names_the_key()
    {
        var ex = BuildSilo(new() { ["Insights:Cluster:Provider"] = "AzureTable", ["Insights:Cluster:AzureTable:ServiceUri"] = "http://acct.table.core.windows.net" });
        Assert.Contains("Insights:Cluster:AzureTable:ServiceUri", ex.Message);
    }

    [Fact]
    public void Tls_with_a_missing_certificate_file_names_the_key()
    {
        var ex = BuildSilo(new() { ["Insights:Cluster:Tls:Enabled"] = "true", ["Insights:Cluster:Tls:CertificatePath"] = "/nonexistent/cluster.pfx" });
        Assert.Contains("Insights:Cluster:Tls:CertificatePath '/nonexistent/cluster.pfx' does not exist", ex.Message);
    }

    [Fact]
    public void Tls_with_two_certificate_sources_is_refused()
    {
        var ex = BuildSilo(new()
        {
            ["Insights:Cluster:Tls:Enabled"] = "true",
            ["Insights:Cluster:Tls:CertificatePath"] = "/x.pfx",
            ["Insights:Cluster:Tls:CertificateSubject"] = "CN=x",
        });
        Assert.Contains("exactly one of", ex.Message);
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
}
