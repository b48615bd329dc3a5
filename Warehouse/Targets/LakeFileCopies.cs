namespace Insights.Warehouse.Targets;

using Insights.Lake;
using Insights.Lake.Local;

/// <summary>
/// Local paths of processed-zone files for DuckDB to read: the files themselves for a local lake, otherwise copies
/// downloaded into a fresh folder (deleted on dispose). Either way a file's local path is <see cref="LocalCopies.Prefix"/>
/// followed by its lake path, so the lake path of a row can be derived from the file name DuckDB reports.
/// </summary>
internal sealed class LakeFileCopies(IBlobStore processedZone, string? tempFolder)
{
    /// <exception cref="LakeFileVanishedException">A file is no longer in the lake.</exception>
    public async Task<LocalCopies> LocalCopiesAsync(IReadOnlyList<string> lakePaths, CancellationToken cancellationToken)
    {
        if (processedZone is LocalFolderBlobStore local)
        {
            var prefix = Path.TrimEndingDirectorySeparator(Path.GetFullPath(local.Root)) + "/";
            foreach (var lakePath in lakePaths)
            {
                if (!File.Exists(prefix + BlobPaths.Validate(lakePath)))
                {
                    throw new LakeFileVanishedException(lakePath);
                }
            }

            return new LocalCopies(prefix, Folder: null);
        }

        var folder = Path.Combine(string.IsNullOrWhiteSpace(tempFolder) ? Path.GetTempPath() : tempFolder, $"insights-warehouse-{Guid.NewGuid():N}");
        var copies = new LocalCopies(folder + "/", folder);
        try
        {
            foreach (var lakePath in lakePaths)
            {
                var bytes = await processedZone.ReadAsync(lakePath, cancellationToken) ?? throw new LakeFileVanishedException(lakePath);
                var path = copies.PathOf(BlobPaths.Validate(lakePath));
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                await File.WriteAllBytesAsync(path, bytes, cancellationToken);
            }

            return copies;
        }
        catch
        {
            copies.Dispose();
            throw;
        }
    }

    /// <summary>Where the files are; <paramref name="Folder"/> is deleted on dispose when the files are copies.</summary>
    public sealed record LocalCopies(string Prefix, string? Folder) : IDisposable
    {
        public string PathOf(string lakePath) => Prefix + lakePath;

        public void Dispose()
        {
            if (Folder is not null && Directory.Exists(Folder))
            {
                Directory.Delete(Folder, recursive: true);
            }
        }
    }
}
