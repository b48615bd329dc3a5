namespace Insights.Lake.Azure;

using global::Azure.Core;
using global::Azure.Storage.Blobs;

/// <summary>The lake on Azure Blob Storage: one container per zone (by default <c>raw</c>, <c>processed</c>, <c>quarantine</c>).</summary>
public sealed class AzureBlobLakeStore : ILakeStore
{
    public const string DefaultSection = "Insights:Lake:AzureBlob";

    private readonly AzureBlobStore _raw;
    private readonly AzureBlobStore _processed;
    private readonly AzureBlobStore _quarantine;

    /// <summary>Connects with <see cref="BlobServiceClientFactory"/>; <paramref name="section"/> is named in configuration errors.</summary>
    public AzureBlobLakeStore(AzureBlobOptions options, string section = DefaultSection, TokenCredential? credential = null)
        : this(BlobServiceClientFactory.Create(options, section, credential), options, section)
    {
    }

    public AzureBlobLakeStore(BlobServiceClient service, AzureBlobOptions options, string section = DefaultSection)
    {
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(options);
        var raw = BlobServiceClientFactory.ValidateContainerName(options.RawContainer, section + ":RawContainer");
        var processed = BlobServiceClientFactory.ValidateContainerName(options.ProcessedContainer, section + ":ProcessedContainer");
        var quarantine = BlobServiceClientFactory.ValidateContainerName(options.QuarantineContainer, section + ":QuarantineContainer");
        if (raw == processed || raw == quarantine || processed == quarantine)
        {
            throw new InvalidOperationException(
                $"{section}: the raw, processed and quarantine containers must be three different containers " +
                $"('{raw}', '{processed}', '{quarantine}').");
        }

        _raw = new AzureBlobStore(service.GetBlobContainerClient(raw));
        _processed = new AzureBlobStore(service.GetBlobContainerClient(processed));
        _quarantine = new AzureBlobStore(service.GetBlobContainerClient(quarantine));
        Description = $"Azure Blob {service.Uri.GetLeftPart(UriPartial.Path).TrimEnd('/')} (containers {raw}, {processed}, {quarantine})";
    }

    /// <summary>The account endpoint and the containers; never a key or SAS.</summary>
    public string Description { get; }

    public IBlobStore Zone(LakeZone zone) => zone switch
    {
        LakeZone.Raw => _raw,
        LakeZone.Processed => _processed,
        LakeZone.Quarantine => _quarantine,
        _ => throw new ArgumentOutOfRangeException(nameof(zone)),
    };
}
