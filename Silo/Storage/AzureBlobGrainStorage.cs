namespace Insights.Silo.Storage;

using global::Azure;
using global::Azure.Core;
using global::Azure.Storage.Blobs;
using global::Azure.Storage.Blobs.Models;
using Insights.Lake;
using Insights.Lake.Azure;
using Orleans;
using Orleans.Runtime;
using Orleans.Storage;

/// <summary>
/// Grain state on Azure Blob Storage, standing in for Microsoft.Orleans.Persistence.AzureStorage: one blob per grain
/// and state name, <c>{state name}/{grain type}/{grain key}</c>, each part escaped (<see cref="GrainStateKeys"/>) and
/// the whole checked by <see cref="BlobPaths.Validate"/>. The ETag is the blob's; every write and clear is
/// conditional on it (<c>If-Match</c>, or <c>If-None-Match: *</c> when the grain knows of no record), so a grain
/// that lost a race gets <see cref="InconsistentStateException"/> and the stored state is left alone.
/// </summary>
public sealed class AzureBlobGrainStorage : IGrainStorage
{
    public const string DefaultSection = "Insights:Storage:AzureBlob";

    private static readonly BlobHttpHeaders Headers = new() { ContentType = "application/octet-stream" };
    private readonly BlobContainerInitializer _container;
    private readonly IGrainStorageSerializer _serializer;

    /// <summary>Connects with <see cref="BlobServiceClientFactory"/>; <paramref name="section"/> is named in configuration errors.</summary>
    public AzureBlobGrainStorage(
        AzureBlobGrainStorageOptions options,
        IGrainStorageSerializer serializer,
        string section = DefaultSection,
        TokenCredential? credential = null)
        : this(ConnectContainer(options, section, credential), serializer)
    {
    }

    public AzureBlobGrainStorage(BlobContainerClient container, IGrainStorageSerializer serializer)
    {
        ArgumentNullException.ThrowIfNull(container);
        ArgumentNullException.ThrowIfNull(serializer);
        _container = new BlobContainerInitializer(container);
        _serializer = serializer;
    }

    /// <summary>
    /// The container of <paramref name="options"/>, with the settings checked now (no request is made): call it at
    /// registration so a bad configuration stops the silo at start, naming <paramref name="section"/>'s keys.
    /// </summary>
    public static BlobContainerClient ConnectContainer(
        AzureBlobGrainStorageOptions options,
        string section = DefaultSection,
        TokenCredential? credential = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var container = BlobServiceClientFactory.ValidateContainerName(options.Container, section + ":Container");
        return BlobServiceClientFactory.Create(options.ConnectionString, options.AccountUrl, section, credential)
            .GetBlobContainerClient(container);
    }

    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var blob = BlobOf(stateName, grainId);
        await _container.EnsureCreatedAsync();
        BlobDownloadResult result;
        try
        {
            result = (await blob.DownloadContentAsync()).Value;
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            grainState.State = Activator.CreateInstance<T>();
            grainState.ETag = null;
            grainState.RecordExists = false;
            return;
        }

        grainState.State = _serializer.Deserialize<T>(result.Content);
        grainState.ETag = result.Details.ETag.ToString();
        grainState.RecordExists = true;
    }

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var blob = BlobOf(stateName, grainId);
        await _container.EnsureCreatedAsync();
        var expected = grainState.ETag;
        var payload = _serializer.Serialize(grainState.State);
        try
        {
            var response = await blob.UploadAsync(payload, new BlobUploadOptions { HttpHeaders = Headers, Conditions = Expecting(expected) });
            grainState.ETag = response.Value.ETag.ToString();
            grainState.RecordExists = true;
        }
        catch (RequestFailedException ex) when (IsConflict(ex))
        {
            throw await ConflictAsync(blob, expected, "write", ex);
        }
    }

    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var blob = BlobOf(stateName, grainId);
        await _container.EnsureCreatedAsync();
        var expected = grainState.ETag;
        if (expected is null)
        {
            // The grain knows of no record: clearing is a no-op unless someone else wrote one meanwhile.
            if ((await blob.ExistsAsync()).Value)
            {
                throw await ConflictAsync(blob, expected, "clear", null);
            }
        }
        else
        {
            try
            {
                await blob.DeleteAsync(DeleteSnapshotsOption.IncludeSnapshots, new BlobRequestConditions { IfMatch = new ETag(expected) });
            }
            catch (RequestFailedException ex) when (IsConflict(ex))
            {
                throw await ConflictAsync(blob, expected, "clear", ex);
            }
        }

        grainState.State = Activator.CreateInstance<T>();
        grainState.ETag = null;
        grainState.RecordExists = false;
    }

    /// <summary>The blob name of a grain's state: escaped parts, validated as a lake path (so never '..', '//' or '%').</summary>
    internal static string BlobName(string stateName, GrainId grainId)
    {
        var name = GrainStateKeys.Escape(stateName, GrainStateKeys.BlobEscape)
            + "/" + GrainStateKeys.Escape(grainId.Type.ToString()!, GrainStateKeys.BlobEscape)
            + "/" + GrainStateKeys.Escape(grainId.Key.ToString()!, GrainStateKeys.BlobEscape);
        if (name.Length > BlobPaths.MaxLength)
        {
            throw new ArgumentException(
                $"The state blob name of grain {grainId} ('{stateName}') would be {name.Length} characters once escaped; " +
                $"Azure allows {BlobPaths.MaxLength}.", nameof(grainId));
        }

        return BlobPaths.Validate(name);
    }

    private BlobClient BlobOf(string stateName, GrainId grainId) => _container.Container.GetBlobClient(BlobName(stateName, grainId));

    private static BlobRequestConditions Expecting(string? etag) => etag is null
        ? new BlobRequestConditions { IfNoneMatch = ETag.All }
        : new BlobRequestConditions { IfMatch = new ETag(etag) };

    /// <summary>
    /// 412: the blob is not at the expected ETag; 409 BlobAlreadyExists: "If-None-Match: *" met a blob;
    /// 404 BlobNotFound: "If-Match" met no blob. A missing container (404 ContainerNotFound) is not a conflict.
    /// </summary>
    private static bool IsConflict(RequestFailedException ex) =>
        AzureBlobStore.IsAlreadyThere(ex) || (ex.Status == 404 && ex.ErrorCode == "BlobNotFound");

    private static async Task<InconsistentStateException> ConflictAsync(BlobClient blob, string? expected, string operation, Exception? cause)
    {
        string stored;
        try
        {
            stored = (await blob.GetPropertiesAsync()).Value.ETag.ToString();
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            stored = "none";
        }
        catch (RequestFailedException)
        {
            stored = "unknown";
        }

        var message = $"Grain state blob '{blob.BlobContainerName}/{blob.Name}' is at ETag {stored} but the grain expected " +
            $"{expected ?? "none"}; {operation} refused.";
        return cause is null
            ? new InconsistentStateException(message, stored, expected ?? "none")
            : new InconsistentStateException(message, stored, expected ?? "none", cause);
    }
}
