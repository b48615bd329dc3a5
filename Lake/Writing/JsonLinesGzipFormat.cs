namespace Insights.Lake.Writing;

using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

/// <summary>One JSON document per line, gzip-compressed: appendable, greppable with zcat, readable by DuckDB and Spark.</summary>
public sealed class JsonLinesGzipFormat<TRow>(JsonTypeInfo<TRow> typeInfo) : IFileFormat<TRow>
{
    private static readonly byte[] NewLine = "\n"u8.ToArray();

    public string Extension => ".jsonl.gz";

    public ValueTask<ReadOnlyMemory<byte>> EncodeAsync(IReadOnlyList<TRow> rows, CancellationToken cancellationToken)
    {
        var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true))
        using (var writer = new Utf8JsonWriter(gzip, new JsonWriterOptions { SkipValidation = true }))
        {
            foreach (var row in rows)
            {
                JsonSerializer.Serialize(writer, row, typeInfo);
                writer.Flush();
                gzip.Write(NewLine);
                writer.Reset();
            }
        }

        return ValueTask.FromResult<ReadOnlyMemory<byte>>(output.GetBuffer().AsMemory(0, (int)output.Length));
    }

    public static async IAsyncEnumerable<TRow> ReadAsync(byte[] file, JsonTypeInfo<TRow> typeInfo)
    {
        using var gzip = new GZipStream(new MemoryStream(file), CompressionMode.Decompress);
        using var reader = new StreamReader(gzip);
        while (await reader.ReadLineAsync() is { } line)
        {
            if (line.Length > 0)
            {
                yield return JsonSerializer.Deserialize(line, typeInfo)!;
            }
        }
    }
}
