namespace Insights.Lake.Writing;

using Parquet.Serialization;

/// <summary>Columnar, typed, compressed: what DuckDB, Synapse COPY INTO and Spark read fastest.</summary>
public sealed class ParquetFormat<TRow> : IFileFormat<TRow>
    where TRow : class, new()
{
    public string Extension => ".parquet";

    public async ValueTask<ReadOnlyMemory<byte>> EncodeAsync(IReadOnlyList<TRow> rows, CancellationToken cancellationToken)
    {
        var output = new MemoryStream();
        await ParquetSerializer.SerializeAsync(rows, output, cancellationToken: cancellationToken);
        return output.GetBuffer().AsMemory(0, (int)output.Length);
    }

    public static async Task<IList<TRow>> ReadAsync(byte[] file, CancellationToken cancellationToken = default) =>
        (await ParquetSerializer.DeserializeAsync<TRow>(new MemoryStream(file), cancellationToken: cancellationToken)).Data;
}
