namespace Insights.ClusterHosting.Tls;

/// <summary>
/// <c>Insights:Cluster:Tls</c>: TLS on silo-to-silo and client-to-silo connections (Microsoft.Orleans.Connections.Security).
/// Every silo and the API present a certificate and require one from the other side. The certificate comes from a
/// PFX file (<see cref="CertificatePath"/>, e.g. a mounted Kubernetes secret) or from the certificate store
/// (<see cref="CertificateThumbprint"/> or <see cref="CertificateSubject"/>).
/// </summary>
public sealed class ClusterTlsOptions
{
    public const string SectionName = Clustering.InsightsClusterOptions.SectionName + ":Tls";

    public bool Enabled { get; set; }

    /// <summary>A PKCS#12 (.pfx) file holding the certificate and its private key.</summary>
    public string? CertificatePath { get; set; }

    /// <summary>Password of <see cref="CertificatePath"/>. A secret.</summary>
    public string? CertificatePassword { get; set; }

    /// <summary>Thumbprint of a certificate in <see cref="StoreName"/>/<see cref="StoreLocation"/>.</summary>
    public string? CertificateThumbprint { get; set; }

    /// <summary>Subject name of a certificate in <see cref="StoreName"/>/<see cref="StoreLocation"/>.</summary>
    public string? CertificateSubject { get; set; }

    public string StoreName { get; set; } = "My";

    public string StoreLocation { get; set; } = "CurrentUser";

    /// <summary>
    /// Accept any certificate from the other side. Development only: it keeps the encryption but drops the
    /// authentication. Off: a peer must present a certificate that chains to a trusted root, or the very certificate
    /// this process uses (one shared cluster certificate, as in the Kubernetes overlay).
    /// </summary>
    public bool AllowAnyRemoteCertificate { get; set; }
}
