namespace Insights.Lake.Azure;

using global::Azure.Core;
using global::Azure.Identity;
using global::Azure.Storage.Blobs;

/// <summary>
/// Builds the <see cref="BlobServiceClient"/> of the lake and of the grain storage from their options, with one rule:
/// a connection string, or an account URL with Entra ID, never both, never neither.
/// </summary>
public static class BlobServiceClientFactory
{
    /// <param name="options">Connection settings.</param>
    /// <param name="section">Configuration section the settings came from, named in error messages
    /// (e.g. <c>Insights:Lake:AzureBlob</c>).</param>
    /// <param name="credential">Credential for <see cref="IAzureBlobAccountOptions.AccountUrl"/>;
    /// <c>DefaultAzureCredential</c> when null. Ignored with a connection string.</param>
    /// <param name="clientOptions">Retry, transport and diagnostics options; SDK defaults when null.</param>
    public static BlobServiceClient Create(
        IAzureBlobAccountOptions options,
        string section = "Azure Blob Storage options",
        TokenCredential? credential = null,
        BlobClientOptions? clientOptions = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        return Create(options.ConnectionString, options.AccountUrl, section, credential, clientOptions);
    }

    /// <summary>The same from the two settings themselves (for options types outside this project).</summary>
    public static BlobServiceClient Create(
        string? connectionString,
        string? accountUrl,
        string section,
        TokenCredential? credential = null,
        BlobClientOptions? clientOptions = null)
    {
        connectionString = Blank(connectionString) ? null : connectionString!.Trim();
        accountUrl = Blank(accountUrl) ? null : accountUrl!.Trim();

        if (connectionString is null && accountUrl is null)
        {
            throw new InvalidOperationException(
                $"Azure Blob Storage is not configured: set {section}:ConnectionString (account key, SAS or Azurite) " +
                $"or {section}:AccountUrl (https://<account>.blob.core.windows.net, signed in with Entra ID).");
        }

        if (connectionString is not null && accountUrl is not null)
        {
            throw new InvalidOperationException(
                $"{section}:ConnectionString and {section}:AccountUrl are both set; set only one of them.");
        }

        if (connectionString is not null)
        {
            try
            {
                return new BlobServiceClient(connectionString, clientOptions);
            }
            catch (Exception ex) when (ex is FormatException or ArgumentException or InvalidOperationException)
            {
                // The SDK's message may quote the connection string; never echo a secret into logs.
                throw new InvalidOperationException(
                    $"{section}:ConnectionString is not a valid storage connection string ({ex.GetType().Name}).");
            }
        }

        if (!Uri.TryCreate(accountUrl, UriKind.Absolute, out var uri)
            || uri.Scheme != Uri.UriSchemeHttps
            || !string.IsNullOrEmpty(uri.Query)
            || uri.AbsolutePath.Trim('/').Length != 0)
        {
            throw new InvalidOperationException(
                $"{section}:AccountUrl '{accountUrl}' must be the account's https blob endpoint without path or query, " +
                "like https://<account>.blob.core.windows.net (a SAS goes in ConnectionString instead).");
        }

        return new BlobServiceClient(uri, credential ?? new DefaultAzureCredential(), clientOptions);
    }

    /// <summary>
    /// Checks a container name against Azure's rules (3 to 63 lowercase letters, digits and single hyphens, starting
    /// and ending with a letter or digit), so a typo fails at start with the setting's name instead of a 400 later.
    /// </summary>
    public static string ValidateContainerName(string? name, string setting)
    {
        if (name is null || name.Length is < 3 or > 63
            || !char.IsAsciiLetterOrDigit(name[0]) || !char.IsAsciiLetterOrDigit(name[^1])
            || name.Contains("--", StringComparison.Ordinal)
            || name.Any(c => !(char.IsAsciiDigit(c) || char.IsAsciiLetterLower(c) || c == '-')))
        {
            throw new InvalidOperationException(
                $"{setting} '{name}' is not a valid container name: 3 to 63 lowercase letters, digits and single " +
                "hyphens, starting and ending with a letter or digit.");
        }

        return name;
    }

    private static bool Blank(string? value) => string.IsNullOrWhiteSpace(value);
}
