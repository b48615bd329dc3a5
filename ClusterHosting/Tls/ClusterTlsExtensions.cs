namespace Insights.ClusterHosting.Tls;

using Microsoft.Extensions.Configuration;

/// <summary>
/// Mutual TLS on silo-to-silo and gateway connections when <c>Insights:Cluster:Tls:Enabled</c>, with the same rules on
/// the silo and the client (<see cref="ClusterTls"/>).
/// </summary>
internal static class ClusterTlsExtensions
{
    public static ISiloBuilder AddClusterTls(this ISiloBuilder silo, IConfiguration configuration)
    {
        var options = Read(configuration);
        if (!options.Enabled)
        {
            return silo;
        }

        var certificate = ClusterTls.LoadCertificate(options);
        return silo.UseTls(certificate, tls => ClusterTls.Configure(tls, certificate, options));
    }

    public static IClientBuilder AddClusterTls(this IClientBuilder client, IConfiguration configuration)
    {
        var options = Read(configuration);
        if (!options.Enabled)
        {
            return client;
        }

        var certificate = ClusterTls.LoadCertificate(options);
        return client.UseTls(certificate, tls => ClusterTls.Configure(tls, certificate, options));
    }

    private static ClusterTlsOptions Read(IConfiguration configuration) =>
        configuration.Read<ClusterTlsOptions>(ClusterTlsOptions.SectionName).ValidNow(new ClusterTlsOptionsValidator());
}
