namespace Insights.Lake;

/// <summary>
/// Files of one zone, addressed by '/'-separated relative paths. Implementations make each write all-or-nothing:
/// a reader sees the old content or the new, never part of a file.
/// </summary>
public interface IBlobStore
{
    /// <summary>Creates or replaces the file.</summary>
    Task WriteAsync(string path, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default);

    /// <summary>Creates the file only if it does not exist; false when it already did (the content is left alone).</summary>
    Task<bool> TryCreateAsync(string path, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default);

    /// <summary>The whole file, or null when there is none.</summary>
    Task<byte[]?> ReadAsync(string path, CancellationToken cancellationToken = default);

    /// <summary>Files whose path starts with <paramref name="prefix"/>, in ordinal path order.</summary>
    IAsyncEnumerable<BlobFile> ListAsync(string prefix, CancellationToken cancellationToken = default);

    /// <summary>Deletes the file if it exists; false when there was none.</summary>
    Task<bool> DeleteAsync(string path, CancellationToken cancellationToken = default);
}

public sealed record BlobFile(string Path, long Size, DateTimeOffset LastModified);
