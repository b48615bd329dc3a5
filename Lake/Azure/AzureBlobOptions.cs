namespace Insights.Lake.Azure;

/// <summary>
/// Where the lake lives on Azure Blob Storage: an account, reached either by <see cref="ConnectionString"/> (shared
/// key or SAS; also Azurite) or by <see cref="AccountUrl"/> with Entra ID (<c>DefaultAzureCredential</c>: managed
/// identity, workload identity, environment, Azure CLI...), and one container per zone.
/// </summary>
public sealed class AzureBlobOptions : IAzureBlobAccountOptions
{
    public const string DefaultRawContainer = "raw";
    public const string DefaultProcessedContainer = "processed";
    public const string DefaultQuarantineContainer = "quarantine";

    /// <inheritdoc />
    public string? ConnectionString { get; set; }

    /// <inheritdoc />
    public string? AccountUrl { get; set; }

    /// <summary>Container of <see cref="LakeZone.Raw"/>; created on first use when missing.</summary>
    public string RawContainer { get; set; } = DefaultRawContainer;

    /// <summary>Container of <see cref="LakeZone.Processed"/>; created on first use when missing.</summary>
    public string ProcessedContainer { get; set; } = DefaultProcessedContainer;

    /// <summary>Container of <see cref="LakeZone.Quarantine"/>; created on first use when missing.</summary>
    public string QuarantineContainer { get; set; } = DefaultQuarantineContainer;

    public string ContainerOf(LakeZone zone) => zone switch
    {
        LakeZone.Raw => RawContainer,
        LakeZone.Processed => ProcessedContainer,
        LakeZone.Quarantine => QuarantineContainer,
        _ => throw new ArgumentOutOfRangeException(nameof(zone)),
    };
}

/// <summary>How to reach a storage account: exactly one of the two must be set.</summary>
public interface IAzureBlobAccountOptions
{
    /// <summary>A storage connection string (account key or SAS), e.g. Azurite's <c>UseDevelopmentStorage=true</c>.</summary>
    string? ConnectionString { get; }

    /// <summary>
    /// The blob endpoint, <c>https://&lt;account&gt;.blob.core.windows.net</c>, authenticated with Entra ID through
    /// <c>DefaultAzureCredential</c> (the identity needs the "Storage Blob Data Contributor" role).
    /// </summary>
    string? AccountUrl { get; }
}
