namespace Insights.Cluster.Tests;

using Microsoft.AspNetCore.Mvc.Testing;

/// <summary>The API refuses to start on incomplete Azure Table or TLS settings, naming the key to set.</summary>
public sealed class ClusterSettingsTests
{
    private static Exception StartApi(Dictionary<string, string> settings)
    {
        using var api = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            foreach (var (key, value) in settings)
            {
                web.UseSetting(key, value);
            }
        });
        return Assert.ThrowsAny<Exception>(() => api.Services);
    }

    [Fact]
    public void Azure_table_clustering_without_connection_settings_names_both_keys()
    {
        var ex = StartApi(new() { ["Insights:Cluster:Provider"] = "AzureTable" });
        Assert.Contains("Insights:Cluster:AzureTable:ConnectionString", ex.ToString());
        Assert.Contains("Insights:Cluster:AzureTable:ServiceUri", ex.ToString());
    }

    [Fact]
    public void Tls_without_a_certificate_names_the_certificate_keys()
    {
        var ex = StartApi(new() { ["Insights:Cluster:Provider"] = "Localhost", ["Insights:Cluster:Tls:Enabled"] = "true" });
        Assert.Contains("Insights:Cluster:Tls:CertificatePath", ex.ToString());
        Assert.Contains("Insights:Cluster:Tls:CertificateThumbprint", ex.ToString());
    }

    [Fact]
    public void Tls_with_a_wrong_password_names_the_file()
    {
        var path = Path.Combine(Path.GetTempPath(), "insights-tls-" + Guid.NewGuid().ToString("N") + ".pfx");
        File.WriteAllBytes(path, AzureTableTlsFixture.SelfSignedPfx("CN=wrong-password", "right"));
        try
        {
            var ex = StartApi(new()
            {
                ["Insights:Cluster:Tls:Enabled"] = "true",
                ["Insights:Cluster:Tls:CertificatePath"] = path,
                ["Insights:Cluster:Tls:CertificatePassword"] = "wrong",
            });
            Assert.Contains($"Insights:Cluster:Tls:CertificatePath '{path}' cannot be read", ex.ToString());
        }
        finally
        {
            File.Delete(path);
        }
    }
}
