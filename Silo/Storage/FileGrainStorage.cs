namespace Insights.Silo.Storage;

using System.Buffers.Binary;
using System.Globalization;
using Orleans.Storage;

/// <summary>
/// Grain state in a local folder: one file per grain and state name, written whole to a temporary file and
/// renamed over the old one so a crash leaves either the old or the new state, never half of one. The file starts
/// with a version number that serves as the ETag for optimistic concurrency. Registered like Orleans' own providers
/// (<see cref="FileGrainStorageSiloBuilderExtensions"/>);
/// <see cref="FileGrainStorageOptionsValidator"/> checks the folder before the silo starts.
/// </summary>
public sealed class FileGrainStorage : IGrainStorage
{
    private const int HeaderLength = sizeof(long);
    private readonly string _root;
    private readonly IGrainStorageSerializer _serializer;

    public FileGrainStorage(FileGrainStorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _serializer = options.GrainStorageSerializer
            ?? throw new ArgumentException($"{nameof(FileGrainStorageOptions)}.{nameof(FileGrainStorageOptions.GrainStorageSerializer)} is not set.", nameof(options));
        _root = Path.GetFullPath(options.RootPath);
        Directory.CreateDirectory(_root);
    }

    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var path = PathOf(stateName, grainId);
        byte[] bytes;
        try
        {
            bytes = await File.ReadAllBytesAsync(path);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            grainState.State = Activator.CreateInstance<T>();
            grainState.ETag = null;
            grainState.RecordExists = false;
            return;
        }

        if (bytes.Length < HeaderLength)
        {
            throw new InvalidDataException($"State file '{path}' is truncated ({bytes.Length} bytes).");
        }

        var version = BinaryPrimitives.ReadInt64LittleEndian(bytes);
        grainState.State = _serializer.Deserialize<T>(new BinaryData(bytes.AsMemory(HeaderLength)));
        grainState.ETag = version.ToString(CultureInfo.InvariantCulture);
        grainState.RecordExists = true;
    }

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var path = PathOf(stateName, grainId);
        var current = ReadVersion(path);
        CheckETag(current, grainState.ETag, path);

        var next = (current ?? 0) + 1;
        var payload = _serializer.Serialize(grainState.State);
        var bytes = new byte[HeaderLength + payload.ToMemory().Length];
        BinaryPrimitives.WriteInt64LittleEndian(bytes, next);
        payload.ToMemory().Span.CopyTo(bytes.AsSpan(HeaderLength));

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temp = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        await File.WriteAllBytesAsync(temp, bytes);
        File.Move(temp, path, overwrite: true);

        grainState.ETag = next.ToString(CultureInfo.InvariantCulture);
        grainState.RecordExists = true;
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var path = PathOf(stateName, grainId);
        CheckETag(ReadVersion(path), grainState.ETag, path);
        if (File.Exists(path))
        {
            File.Delete(path);
        }

        grainState.State = Activator.CreateInstance<T>();
        grainState.ETag = null;
        grainState.RecordExists = false;
        return Task.CompletedTask;
    }

    private static void CheckETag(long? current, string? expected, string path)
    {
        var stored = current?.ToString(CultureInfo.InvariantCulture);
        if (!string.Equals(stored, expected, StringComparison.Ordinal))
        {
            throw new InconsistentStateException(
                $"State file '{path}' is at version {stored ?? "none"} but the grain expected {expected ?? "none"}.",
                stored ?? "", expected ?? "");
        }
    }

    private static long? ReadVersion(string path)
    {
        try
        {
            using var file = File.OpenRead(path);
            Span<byte> header = stackalloc byte[HeaderLength];
            file.ReadExactly(header);
            return BinaryPrimitives.ReadInt64LittleEndian(header);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
    }

    private string PathOf(string stateName, GrainId grainId) =>
        Path.Combine(_root, SafeName(stateName), SafeName(grainId.Type.ToString()!), SafeName(grainId.Key.ToString()!) + ".state");

    /// <summary>Keeps letters, digits, '-' and '_'; escapes everything else so no key can leave the folder.</summary>
    internal static string SafeName(string name) => GrainStateKeys.Escape(name, GrainStateKeys.FileEscape);
}
