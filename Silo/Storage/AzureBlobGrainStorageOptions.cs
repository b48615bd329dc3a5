namespace Insights.Silo.Storage;

/// <summary>
/// Grain state on Azure Blob Storage (section <c>Insights:Storage:AzureBlob</c>): exactly one of
/// <see cref="ConnectionString"/> or <see cref="AccountUrl"/> (Entra ID through <c>DefaultAzureCredential</c>), and
/// the container holding one blob per grain.
/// </summary>
public sealed class AzureBlobGrainStorageOptions
{
    public const string DefaultContainer = "grainstate";

    /// <summary>A storage connection string (account key, SAS, or Azurite's <c>UseDevelopmentStorage=true</c>).</summary>
    public string? ConnectionString { get; set; }

    /// <summary>The account's blob endpoint, <c>https://&lt;account&gt;.blob.core.windows.net</c>, signed in with Entra ID.</summary>
    public string? AccountUrl { get; set; }

    /// <summary>Container of the grain state blobs; created on first use when missing.</summary>
    public string Container { get; set; } = DefaultContainer;
}
