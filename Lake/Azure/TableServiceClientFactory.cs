namespace Insights.Lake.Azure;

using global::Azure.Core;
using global::Azure.Data.Tables;
using global::Azure.Identity;

/// <summary>
/// Builds the <see cref="TableServiceClient"/> of Azure Table clustering and reminders with the rule of
/// <see cref="BlobServiceClientFactory"/>: a connection string, or a service URI with Entra ID, never both, never neither.
/// </summary>
public static class TableServiceClientFactory
{
    /// <param name="section">Configuration section the settings came from, named in error messages.</param>
    public static TableServiceClient Create(string? connectionString, string? serviceUri, string section, TokenCredential? credential = null)
    {
        connectionString = string.IsNullOrWhiteSpace(connectionString) ? null : connectionString.Trim();
        serviceUri = string.IsNullOrWhiteSpace(serviceUri) ? null : serviceUri.Trim();
        if (connectionString is null && serviceUri is null)
        {
            throw new InvalidOperationException(
                $"Azure Table Storage is not configured: set {section}:ConnectionString (account key, SAS or Azurite) " +
                $"or {section}:ServiceUri (https://<account>.table.core.windows.net, signed in with Entra ID).");
        }

        if (connectionString is not null && serviceUri is not null)
        {
            throw new InvalidOperationException($"{section}:ConnectionString and {section}:ServiceUri are both set; set only one of them.");
        }

        if (connectionString is not null)
        {
            try
            {
                return new TableServiceClient(connectionString);
            }
            catch (Exception ex) when (ex is FormatException or ArgumentException or InvalidOperationException)
            {
                // The SDK's message may quote the connection string; never echo a secret into logs.
                throw new InvalidOperationException($"{section}:ConnectionString is not a valid storage connection string ({ex.GetType().Name}).");
            }
        }

        if (!Uri.TryCreate(serviceUri, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps
            || !string.IsNullOrEmpty(uri.Query) || uri.AbsolutePath.Trim('/').Length != 0)
        {
            throw new InvalidOperationException(
                $"{section}:ServiceUri '{serviceUri}' must be the account's https table endpoint without path or query, " +
                "like https://<account>.table.core.windows.net.");
        }

        return new TableServiceClient(uri, credential ?? new DefaultAzureCredential());
    }
}
