namespace Insights.ClusterHosting.Tls;

using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Orleans.Connections.Security;

/// <summary>The certificate and TLS settings of <see cref="ClusterTlsOptions"/>, shared by the silo and the API's client.</summary>
public static class ClusterTls
{
    /// <summary>Loads the certificate now, so a missing file, wrong password or absent store entry stops the process at start.</summary>
    public static X509Certificate2 LoadCertificate(ClusterTlsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        const string section = ClusterTlsOptions.SectionName;
        var path = Blank(options.CertificatePath);
        var thumbprint = Blank(options.CertificateThumbprint);
        var subject = Blank(options.CertificateSubject);
        var given = new[] { path, thumbprint, subject }.Count(v => v is not null);
        if (given != 1)
        {
            throw new InvalidOperationException(
                $"{section}:Enabled is true, so set exactly one of {section}:CertificatePath (a .pfx file), " +
                $"{section}:CertificateThumbprint or {section}:CertificateSubject (the certificate store); {given} are set.");
        }

        var certificate = path is not null ? FromFile(path, options.CertificatePassword) : FromStore(options, thumbprint, subject);
        if (!certificate.HasPrivateKey)
        {
            throw new InvalidOperationException($"The certificate of {section} ({certificate.Subject}) has no private key; TLS needs it.");
        }

        return certificate;
    }

    /// <summary>Mutual TLS: both ends present <paramref name="certificate"/> and check the other's.</summary>
    public static void Configure(TlsOptions tls, X509Certificate2 certificate, ClusterTlsOptions options)
    {
        tls.LocalCertificate = certificate;
        tls.RemoteCertificateMode = RemoteCertificateMode.RequireCertificate;
        tls.ClientCertificateMode = RemoteCertificateMode.RequireCertificate;
        if (options.AllowAnyRemoteCertificate)
        {
            tls.AllowAnyRemoteCertificate();
            return;
        }

        // Silos are reached by IP address, which no certificate names: a peer holding the cluster's own certificate
        // (it proved it has the private key in the handshake) is trusted; anything else must be fully valid.
        var own = certificate.GetCertHash(HashAlgorithmName.SHA256);
        tls.RemoteCertificateValidation = (remote, _, errors) =>
            errors == SslPolicyErrors.None || remote.GetCertHash(HashAlgorithmName.SHA256).AsSpan().SequenceEqual(own);
    }

    private static X509Certificate2 FromFile(string path, string? password)
    {
        var key = ClusterTlsOptions.SectionName + ":CertificatePath";
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"{key} '{path}' does not exist.");
        }

        try
        {
            return X509CertificateLoader.LoadPkcs12FromFile(path, password, X509KeyStorageFlags.EphemeralKeySet);
        }
        catch (CryptographicException ex)
        {
            throw new InvalidOperationException(
                $"{key} '{path}' cannot be read as a PKCS#12 (.pfx) file with {ClusterTlsOptions.SectionName}:CertificatePassword: {ex.Message}", ex);
        }
    }

    private static X509Certificate2 FromStore(ClusterTlsOptions options, string? thumbprint, string? subject)
    {
        const string section = ClusterTlsOptions.SectionName;
        if (!Enum.TryParse<StoreName>(options.StoreName, ignoreCase: true, out var storeName))
        {
            throw new InvalidOperationException($"{section}:StoreName '{options.StoreName}' is not a certificate store name (e.g. My).");
        }

        if (!Enum.TryParse<StoreLocation>(options.StoreLocation, ignoreCase: true, out var location))
        {
            throw new InvalidOperationException($"{section}:StoreLocation '{options.StoreLocation}' is not CurrentUser or LocalMachine.");
        }

        using var store = new X509Store(storeName, location);
        store.Open(OpenFlags.ReadOnly);
        var found = thumbprint is not null
            ? store.Certificates.Find(X509FindType.FindByThumbprint, thumbprint, validOnly: false)
            : store.Certificates.Find(X509FindType.FindBySubjectName, subject!, validOnly: false);
        return found.OrderByDescending(c => c.NotAfter).FirstOrDefault(c => c.HasPrivateKey)
            ?? throw new InvalidOperationException(
                $"No certificate with a private key matches {section}:{(thumbprint is not null ? "CertificateThumbprint '" + thumbprint : "CertificateSubject '" + subject)}' " +
                $"in {location}/{storeName}.");
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
