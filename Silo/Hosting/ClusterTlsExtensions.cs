namespace Insights.Silo.Hosting;

using Insights.Configuration;

public static class ClusterTlsExtensions
{
    /// <summary>
    /// TLS on silo-to-silo and gateway connections when <c>Insights:Cluster:Tls:Enabled</c>; the certificate is loaded
    /// now, so a bad setting stops the silo at start naming the key.
    /// </summary>
    public static ISiloBuilder AddInsightsClusterTls(this ISiloBuilder silo, IConfiguration configuration)
    {
        var options = configuration.GetSection(ClusterTlsOptions.SectionName).Get<ClusterTlsOptions>() ?? new();
        if (!options.Enabled)
        {
            return silo;
        }

        var certificate = ClusterTls.LoadCertificate(options);
        return silo.UseTls(certificate, tls => ClusterTls.Configure(tls, certificate, options));
    }
}
