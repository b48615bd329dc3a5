namespace Insights.ClusterHosting.Tls;

using Microsoft.Extensions.Options;

/// <summary>
/// Checks <c>Insights:Cluster:Tls</c> by loading the certificate (a missing file, wrong password or absent store entry
/// fails naming the key). Orleans takes the certificate while the host is built, so this runs then.
/// </summary>
internal sealed class ClusterTlsOptionsValidator : IValidateOptions<ClusterTlsOptions>
{
    public ValidateOptionsResult Validate(string? name, ClusterTlsOptions options)
    {
        if (!options.Enabled)
        {
            return ValidateOptionsResult.Success;
        }

        try
        {
            using var certificate = ClusterTls.LoadCertificate(options);
            return ValidateOptionsResult.Success;
        }
        catch (InvalidOperationException ex)
        {
            return ValidateOptionsResult.Fail(ex.Message);
        }
    }
}
