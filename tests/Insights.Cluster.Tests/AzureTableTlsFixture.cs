namespace Insights.Cluster.Tests;

using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

/// <summary>
/// The Azure-native cluster: two silo processes whose membership and reminders live in Azurite's table service, TLS
/// on every silo-to-silo and client-to-silo connection with a self-signed certificate made here, and the API in this
/// process as their client, finding gateways through the same table. No Redis.
/// </summary>
public sealed class AzureTableTlsFixture : IAsyncLifetime
{
    private static readonly TimeSpan SiloStartTimeout = TimeSpan.FromSeconds(120);
    private readonly AzuriteServer _azurite = new();

    public List<SiloProcess> Silos { get; } = [];

    public WebApplicationFactory<Program> Api { get; private set; } = null!;

    public IClusterClient ClusterClient => Api.Services.GetRequiredService<IClusterClient>();

    public string ConnectionString => _azurite.ConnectionString;

    public string ClusterId { get; } = "table-tls-" + Guid.NewGuid().ToString("N")[..8];

    public string LogFolder { get; } = Path.Combine(RepoRoot.Path, ".local", "cluster-tests", "azure-table-tls-" + DateTime.UtcNow.ToString("yyyyMMdd-HHmmss"));

    public string CertificatePath => Path.Combine(LogFolder, "cluster.pfx");

    public const string CertificatePassword = "test-only";

    public Dictionary<string, string> Settings { get; } = new();

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(LogFolder);
        await File.WriteAllBytesAsync(CertificatePath, SelfSignedPfx("CN=insights-cluster-test", CertificatePassword));
        await _azurite.InitializeAsync();

        Settings["Insights:Cluster:Provider"] = "AzureTable";
        Settings["Insights:Cluster:AzureTable:ConnectionString"] = _azurite.ConnectionString;
        Settings["Insights:Cluster:ClusterId"] = ClusterId;
        Settings["Insights:Cluster:AdvertisedIPAddress"] = "127.0.0.1";
        Settings["Insights:Cluster:Tls:Enabled"] = "true";
        Settings["Insights:Cluster:Tls:CertificatePath"] = CertificatePath;
        Settings["Insights:Cluster:Tls:CertificatePassword"] = CertificatePassword;
        Settings["Insights:Storage:Provider"] = "Memory";
        Settings["Insights:Lake:Provider"] = "Local";
        Settings["Insights:Lake:Path"] = Path.Combine(LogFolder, "lake");
        Settings["Insights:Warehouse:DuckDbPath"] = Path.Combine(LogFolder, "warehouse.duckdb");
        Settings["Logging:LogLevel:Default"] = "Warning";

        for (var i = 0; i < 2; i++)
        {
            Silos.Add(new SiloProcess(i, Settings, LogFolder));
        }

        foreach (var silo in Silos)
        {
            await silo.StartAsync(SiloStartTimeout);
        }

        Api = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            foreach (var (key, value) in Settings)
            {
                web.UseSetting(key, value);
            }
        });
        _ = Api.Services; // starts the host, and with it the cluster client
    }

    /// <summary>A self-signed certificate with its key, as a PFX: what an operator would put in the Kubernetes secret.</summary>
    public static byte[] SelfSignedPfx(string subject, string password)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment, critical: true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(
            [new Oid("1.3.6.1.5.5.7.3.1"), new Oid("1.3.6.1.5.5.7.3.2")], critical: false)); // server and client authentication
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
        return certificate.Export(X509ContentType.Pfx, password);
    }

    public async Task DisposeAsync()
    {
        if (Api is not null)
        {
            await Api.DisposeAsync();
        }

        foreach (var silo in Silos)
        {
            silo.Dispose();
        }

        await _azurite.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class AzureTableTlsCollection : ICollectionFixture<AzureTableTlsFixture>
{
    public const string Name = "azure-table-tls";
}
