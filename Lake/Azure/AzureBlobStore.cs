namespace Insights.Lake.Azure;

using System.Runtime.CompilerServices;
using global::Azure;
using global::Azure.Storage.Blobs;
using global::Azure.Storage.Blobs.Models;

/// <summary>
/// A zone as one blob container. Every write is a single Put Blob (or, above the SDK's single-shot size, a block
/// list committed at once), so readers see the old content or the new, never part of a file. The container is
/// created on first use when missing.
/// </summary>
public sealed class AzureBlobStore : IBlobStore
{
    private readonly BlobContainerClient _container;
    private readonly BlobContainerInitializer _initializer;

    public AzureBlobStore(BlobContainerClient container)
    {
        ArgumentNullException.ThrowIfNull(container);
        _container = container;
        _initializer = new BlobContainerInitializer(container);
    }

    public BlobContainerClient Container => _container;

    public async Task WriteAsync(string path, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default)
    {
        var blob = Blob(path);
        await EnsureContainerAsync(cancellationToken);
        await blob.UploadAsync(new BinaryData(content), new BlobUploadOptions { HttpHeaders = Headers }, cancellationToken);
    }

    public async Task<bool> TryCreateAsync(string path, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default)
    {
        var blob = Blob(path);
        await EnsureContainerAsync(cancellationToken);
        try
        {
            await blob.UploadAsync(
                new BinaryData(content),
                new BlobUploadOptions { HttpHeaders = Headers, Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All } },
                cancellationToken);
            return true;
        }
        catch (RequestFailedException ex) when (IsAlreadyThere(ex))
        {
            return false;
        }
    }

    public async Task<byte[]?> ReadAsync(string path, CancellationToken cancellationToken = default)
    {
        var blob = Blob(path);
        await EnsureContainerAsync(cancellationToken);
        try
        {
            var response = await blob.DownloadContentAsync(cancellationToken);
            return response.Value.Content.ToArray();
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }

    /// <summary>
    /// Streams the listing in the service's order, which for valid paths (ASCII only) is ordinal. Skips what is not a
    /// lake file: directory markers of accounts with a hierarchical namespace (ADLS Gen2) and blobs whose names no
    /// <see cref="BlobPaths"/> path could have (written by something else; <see cref="ReadAsync"/> would refuse them).
    /// </summary>
    public async IAsyncEnumerable<BlobFile> ListAsync(string prefix, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        BlobPaths.ValidatePrefix(prefix);
        await EnsureContainerAsync(cancellationToken);
        var options = new GetBlobsOptions { Prefix = prefix.Length == 0 ? null : prefix, Traits = BlobTraits.Metadata };
        await foreach (var item in _container.GetBlobsAsync(options, cancellationToken))
        {
            if (IsDirectoryMarker(item) || !IsValidPath(item.Name))
            {
                continue;
            }

            yield return new BlobFile(
                item.Name,
                item.Properties.ContentLength ?? 0,
                item.Properties.LastModified ?? DateTimeOffset.MinValue);
        }
    }

    public async Task<bool> DeleteAsync(string path, CancellationToken cancellationToken = default)
    {
        var blob = Blob(path);
        await EnsureContainerAsync(cancellationToken);
        var response = await blob.DeleteIfExistsAsync(DeleteSnapshotsOption.IncludeSnapshots, cancellationToken: cancellationToken);
        return response.Value;
    }

    private static readonly BlobHttpHeaders Headers = new() { ContentType = "application/octet-stream" };

    private BlobClient Blob(string path) => _container.GetBlobClient(BlobPaths.Validate(path));

    private ValueTask EnsureContainerAsync(CancellationToken cancellationToken) => _initializer.EnsureCreatedAsync(cancellationToken);

    /// <summary>
    /// Whether a conditional upload failed because the blob is there: 409 BlobAlreadyExists or 412 ConditionNotMet
    /// (what "If-None-Match: *" answers when a blob exists, depending on the service).
    /// </summary>
    public static bool IsAlreadyThere(RequestFailedException ex) =>
        ex.Status == 412 || (ex.Status == 409 && ex.ErrorCode is null or "BlobAlreadyExists");

    private static bool IsDirectoryMarker(BlobItem item) =>
        item.Metadata is { } metadata
        && metadata.TryGetValue("hdi_isfolder", out var folder)
        && string.Equals(folder, "true", StringComparison.OrdinalIgnoreCase);

    private static bool IsValidPath(string name)
    {
        try
        {
            BlobPaths.Validate(name);
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
