namespace Insights.Warehouse.Targets;

using Insights.Warehouse.Schema;
using Insights.Warehouse.Sql;

/// <summary>
/// A warehouse engine: DuckDB (<see cref="DuckDbWarehouseTarget"/>) or Synapse (<see cref="SynapseWarehouseTarget"/>).
/// One instance is one session (one connection); create one per operation and dispose it.
/// </summary>
public interface IWarehouseTarget : IAsyncDisposable
{
    /// <summary>Engine and location, for logs and command output.</summary>
    string Description { get; }

    SqlDialect Dialect { get; }

    /// <summary>Creates the tables that do not exist yet.</summary>
    Task EnsureSchemaAsync(CancellationToken cancellationToken = default);

    Task<IReadOnlyList<ManifestEntry>> ReadManifestAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// The most files of one dataset a transaction loads or removes (at least 1). DuckDB reads many files in one
    /// <c>read_parquet</c>; Synapse stages each file with <c>COPY INTO</c> before its transaction, so one.
    /// </summary>
    int MaxFilesPerTransaction { get; }

    /// <summary>
    /// Starts a unit of work (one or more files of a dataset). Nothing it did is visible, and nothing of it remains,
    /// unless <see cref="IWarehouseTransaction.CommitAsync"/> completes; disposing without committing rolls back.
    /// </summary>
    Task<IWarehouseTransaction> BeginAsync(CancellationToken cancellationToken = default);

    /// <summary>Runs statements in order, each as its own batch.</summary>
    Task ExecuteAsync(IReadOnlyList<string> statements, CancellationToken cancellationToken = default);

    /// <summary>Runs a query; parameters are named without prefix and written with <see cref="SqlDialect.Parameter"/> in the text.</summary>
    Task<QueryResult> QueryAsync(string sql, IReadOnlyDictionary<string, object?>? parameters = null, CancellationToken cancellationToken = default);
}

/// <summary>The load or removal of some files of one dataset: all of it or nothing.</summary>
public interface IWarehouseTransaction : IAsyncDisposable
{
    /// <summary>
    /// Removes the rows the files loaded before (their <c>source_file</c>; only for files with
    /// <see cref="FileLoad.PreviouslyLoaded"/>: a file only has rows once its manifest entry is committed with them) and
    /// loads the files' current content into the dataset's table (and bridge); returns the rows loaded into the
    /// dataset's table per lake path. At most <see cref="IWarehouseTarget.MaxFilesPerTransaction"/> files. Call it
    /// first: Synapse copies the file into a session staging table before the transaction proper begins.
    /// </summary>
    Task<IReadOnlyDictionary<string, long>> ReplaceFilesRowsAsync(
        WarehouseDataset dataset, IReadOnlyList<FileLoad> files, DateTime loadedAt, CancellationToken cancellationToken = default);

    /// <summary>Removes the rows the files loaded; returns how many rows of the dataset's table.</summary>
    Task<long> DeleteFilesRowsAsync(WarehouseDataset dataset, IReadOnlyList<string> lakePaths, CancellationToken cancellationToken = default);

    /// <summary>Replaces the files' manifest entries.</summary>
    Task WriteManifestAsync(IReadOnlyList<ManifestEntry> entries, CancellationToken cancellationToken = default);

    Task DeleteManifestAsync(IReadOnlyList<string> lakePaths, CancellationToken cancellationToken = default);

    /// <summary>Adds the dim_date rows missing between the first and last date of the facts.</summary>
    Task<int> ExtendDateDimensionAsync(CancellationToken cancellationToken = default);

    Task CommitAsync(CancellationToken cancellationToken = default);
}

/// <summary>A loaded lake file as the manifest remembers it. Times are UTC, truncated to whole microseconds.</summary>
public sealed record ManifestEntry(string FilePath, string Dataset, long SizeBytes, DateTime LastModified, long RowCount, DateTime LoadedAt)
{
    /// <summary>Both engines keep timestamps to the microsecond (DuckDB) or finer; compare at that precision.</summary>
    public static DateTime Normalize(DateTimeOffset time) => Normalize(time.UtcDateTime);

    public static DateTime Normalize(DateTime time)
    {
        var utc = time.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(time, DateTimeKind.Utc) : time.ToUniversalTime();
        return new DateTime(utc.Ticks - utc.Ticks % 10, DateTimeKind.Utc);
    }

    /// <summary>Whether the listed file is what this entry loaded (same size, same last-modified time).</summary>
    public bool Matches(Insights.Lake.BlobFile file) => SizeBytes == file.Size && LastModified == Normalize(file.LastModified);
}

/// <summary>Rows of a query, values as the engine's ADO.NET provider returns them (DBNull as null).</summary>
public sealed record QueryResult(IReadOnlyList<string> Columns, IReadOnlyList<object?[]> Rows)
{
    public int Ordinal(string column)
    {
        for (var i = 0; i < Columns.Count; i++)
        {
            if (string.Equals(Columns[i], column, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        throw new KeyNotFoundException($"no column '{column}' in the result ({string.Join(", ", Columns)})");
    }

    public T? Value<T>(int row, string column)
    {
        var value = Rows[row][Ordinal(column)];
        return value switch
        {
            null => default,
            T typed => typed,
            System.Numerics.BigInteger big => (T)Convert.ChangeType((decimal)big, Nullable.GetUnderlyingType(typeof(T)) ?? typeof(T), System.Globalization.CultureInfo.InvariantCulture),
            _ => (T)Convert.ChangeType(value, Nullable.GetUnderlyingType(typeof(T)) ?? typeof(T), System.Globalization.CultureInfo.InvariantCulture),
        };
    }

    /// <summary>An integer result (DuckDB sums are HUGEINT, which ADO.NET hands out as <see cref="System.Numerics.BigInteger"/>).</summary>
    public static long ToInt64(object? value) => value switch
    {
        null => 0,
        System.Numerics.BigInteger big => (long)big,
        _ => Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture),
    };
}

/// <summary>The lake file a load was about disappeared before it could be read (replay removed it): skipped.</summary>
public sealed class LakeFileVanishedException(string path) : Exception($"lake file '{path}' disappeared before it was loaded")
{
    public string LakePath { get; } = path;
}
