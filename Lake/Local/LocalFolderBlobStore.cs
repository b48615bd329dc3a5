namespace Insights.Lake.Local;

using System.Runtime.CompilerServices;

/// <summary>
/// A zone as a folder. Writes go to a hidden temporary file beside the target and are renamed into place, which is
/// atomic on one file system, so readers never see half a file.
/// </summary>
public sealed class LocalFolderBlobStore : IBlobStore
{
    private const string TempPrefix = ".tmp-";
    private readonly string _root;

    public LocalFolderBlobStore(string root)
    {
        _root = Path.GetFullPath(root);
        Directory.CreateDirectory(_root);
    }

    public string Root => _root;

    public async Task WriteAsync(string path, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default)
    {
        var target = FullPath(path);
        var temp = await WriteTempAsync(target, content, cancellationToken);
        File.Move(temp, target, overwrite: true);
    }

    public async Task<bool> TryCreateAsync(string path, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default)
    {
        var target = FullPath(path);
        if (File.Exists(target))
        {
            return false;
        }

        var temp = await WriteTempAsync(target, content, cancellationToken);
        return ExclusiveRename.TryMove(temp, target);
    }

    public async Task<byte[]?> ReadAsync(string path, CancellationToken cancellationToken = default)
    {
        try
        {
            return await File.ReadAllBytesAsync(FullPath(path), cancellationToken);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
    }

    public async IAsyncEnumerable<BlobFile> ListAsync(string prefix, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        BlobPaths.ValidatePrefix(prefix);
        var slash = prefix.LastIndexOf('/');
        var directory = slash < 0 ? _root : Path.Combine(_root, prefix[..slash]);
        if (!Directory.Exists(directory))
        {
            yield break;
        }

        var files = new List<BlobFile>();
        foreach (var file in Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories))
        {
            if (Path.GetFileName(file).StartsWith(TempPrefix, StringComparison.Ordinal))
            {
                continue;
            }

            var relative = Path.GetRelativePath(_root, file).Replace(Path.DirectorySeparatorChar, '/');
            if (relative.StartsWith(prefix, StringComparison.Ordinal))
            {
                var info = new FileInfo(file);
                files.Add(new BlobFile(relative, info.Length, info.LastWriteTimeUtc));
            }
        }

        files.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));
        foreach (var f in files)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return f;
        }

        await Task.CompletedTask;
    }

    public Task<bool> DeleteAsync(string path, CancellationToken cancellationToken = default)
    {
        var target = FullPath(path);
        if (!File.Exists(target))
        {
            return Task.FromResult(false);
        }

        File.Delete(target);
        return Task.FromResult(true);
    }

    private string FullPath(string path) => Path.Combine(_root, BlobPaths.Validate(path).Replace('/', Path.DirectorySeparatorChar));

    private static async Task<string> WriteTempAsync(string target, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        var directory = Path.GetDirectoryName(target)!;
        Directory.CreateDirectory(directory);
        var temp = Path.Combine(directory, TempPrefix + Guid.NewGuid().ToString("N"));
        await using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 64 * 1024, useAsync: true))
        {
            await stream.WriteAsync(content, cancellationToken);
            await stream.FlushAsync(cancellationToken);
        }

        return temp;
    }
}
