namespace Insights.Lake.Writing;

/// <summary>Turns a batch of rows into the bytes of one file.</summary>
public interface IFileFormat<in TRow>
{
    /// <summary>File name extension including the dot, e.g. <c>.parquet</c>.</summary>
    string Extension { get; }

    ValueTask<ReadOnlyMemory<byte>> EncodeAsync(IReadOnlyList<TRow> rows, CancellationToken cancellationToken);
}
