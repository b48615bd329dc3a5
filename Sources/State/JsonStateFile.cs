namespace Insights.Sources.State;

using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Logging;

/// <summary>
/// A small JSON document kept in one file, replaced atomically: written to a temporary file in the same folder,
/// flushed to disk, then renamed over the old one, so a crash leaves either the old or the new state, never half.
/// A file that cannot be read is moved aside (<c>*.corrupt-&lt;time&gt;</c>) and the source starts afresh.
/// </summary>
public sealed partial class JsonStateFile<T>(string path, JsonTypeInfo<T> typeInfo, ILogger logger)
    where T : class, new()
{
    public string Path { get; } = System.IO.Path.GetFullPath(path);

    public T Load()
    {
        if (!File.Exists(Path))
        {
            return new T();
        }

        try
        {
            using var stream = File.OpenRead(Path);
            return JsonSerializer.Deserialize(stream, typeInfo) ?? new T();
        }
        catch (JsonException ex)
        {
            var aside = $"{Path}.corrupt-{DateTime.UtcNow:yyyyMMddTHHmmss}";
            File.Move(Path, aside, overwrite: true);
            LogCorrupt(Path, aside, ex);
            return new T();
        }
    }

    public void Save(T state)
    {
        var folder = System.IO.Path.GetDirectoryName(Path)!;
        Directory.CreateDirectory(folder);
        var temp = System.IO.Path.Combine(folder, $".{System.IO.Path.GetFileName(Path)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 4096, FileOptions.WriteThrough))
            {
                JsonSerializer.Serialize(stream, state, typeInfo);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temp, Path, overwrite: true);
        }
        catch
        {
            File.Delete(temp);
            throw;
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Source state {Path} is not readable; moved it to {Aside} and starting afresh")]
    private partial void LogCorrupt(string path, string aside, Exception ex);
}
