namespace Insights.Warehouse.Targets;

using System.Data.Common;
using DuckDB.NET.Data;
using Insights.Lake;
using Insights.Warehouse.Schema;
using Insights.Warehouse.Sql;

/// <summary>
/// The embedded warehouse: one DuckDB file. Files are read by DuckDB itself with <c>read_parquet</c>: in place for a
/// local lake, from temporary copies (fetched through <see cref="IBlobStore.ReadAsync"/>) for any other. A
/// transaction loads up to <see cref="MaxFilesPerTransaction"/> files of a dataset with one <c>INSERT ... SELECT</c>
/// over all of them (DuckDB reads them in parallel and writes whole row groups straight to the file).
/// DuckDB lets one process open a file for writing at a time; the connection is held only for the target's lifetime,
/// so the DuckDB CLI and <c>insights warehouse</c> can use the file between loads.
/// </summary>
public sealed partial class DuckDbWarehouseTarget(
    string databasePath,
    IBlobStore processedZone,
    string? tempFolder = null,
    int filesPerTransaction = DuckDbWarehouseTarget.DefaultFilesPerTransaction,
    string storageVersion = DuckDbWarehouseTarget.DefaultStorageVersion)
    : AdoWarehouseTarget(DuckDbDialect.Instance)
{
    public const int DefaultFilesPerTransaction = 64;

    /// <summary>
    /// DuckDB's newest storage for the files it creates: its string compression costs a seventh less processor time
    /// per loaded row than the default (v0.10-compatible) storage, measured on the benchmark's comments.
    /// </summary>
    public const string DefaultStorageVersion = "latest";

    private readonly string _storageVersion = IsStorageVersion(storageVersion)
        ? storageVersion
        : throw new ArgumentException($"'{storageVersion}' is not a DuckDB storage version", nameof(storageVersion));

    private readonly string _path = Path.GetFullPath(databasePath);
    private readonly LakeFileCopies _files = new(processedZone, tempFolder);

    public override string Description => "DuckDB " + _path;

    public string DatabasePath => _path;

    public override int MaxFilesPerTransaction { get; } = filesPerTransaction >= 1
        ? filesPerTransaction
        : throw new ArgumentOutOfRangeException(nameof(filesPerTransaction), filesPerTransaction, "at least one file per transaction");

    protected override async Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_path)!);
        var connection = new DuckDBConnection(ConnectionString(_path, _storageVersion));
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        // Row order means nothing in these tables (every query orders what it needs): an insert need not keep the
        // files' order, which lets DuckDB's threads append side by side.
        command.CommandText = "SET preserve_insertion_order = false";
        await command.ExecuteNonQueryAsync(cancellationToken);
        return connection;
    }

    protected override DbParameter CreateParameter(string name, object? value) => new DuckDBParameter(name, value);

    /// <summary>Whether a value may stand as <c>storage_compatibility_version</c> (it goes into a connection string).</summary>
    public static bool IsStorageVersion(string? version) => version is not null && StorageVersion().IsMatch(version);

    /// <summary>The connection string of a database file created (if it is new) with the given storage version.</summary>
    public static string ConnectionString(string databasePath, string storageVersion = DefaultStorageVersion) =>
        IsStorageVersion(storageVersion)
            ? new DuckDBConnectionStringBuilder { DataSource = databasePath, ["storage_compatibility_version"] = storageVersion }.ConnectionString
            : throw new ArgumentException($"'{storageVersion}' is not a DuckDB storage version", nameof(storageVersion));

    [System.Text.RegularExpressions.GeneratedRegex(@"^(latest|v[0-9]+\.[0-9]+\.[0-9]+)$")]
    private static partial System.Text.RegularExpressions.Regex StorageVersion();

    public override Task<IWarehouseTransaction> BeginAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult<IWarehouseTransaction>(new Transaction(this));

    private sealed class Transaction(DuckDbWarehouseTarget target) : AdoTransaction(target)
    {
        public override async Task<IReadOnlyDictionary<string, long>> ReplaceFilesRowsAsync(
            WarehouseDataset dataset, IReadOnlyList<FileLoad> files, DateTime loadedAt, CancellationToken cancellationToken = default)
        {
            if (files.Count == 0 || files.Count > target.MaxFilesPerTransaction)
            {
                throw new ArgumentException($"{files.Count} files for a transaction of 1 to {target.MaxFilesPerTransaction}", nameof(files));
            }

            var dialect = DuckDbDialect.Instance;
            using var local = await target._files.LocalCopiesAsync(files.Select(f => f.LakePath).ToList(), cancellationToken);
            var paths = files.Select(f => local.PathOf(f.LakePath)).ToList();
            var reloaded = files.Where(f => f.PreviouslyLoaded).Select(f => f.LakePath).ToList();
            if (reloaded.Count > 0)
            {
                await ExecuteAsync(Dialect.DeleteRowsOfFiles(dataset.Table, reloaded), cancellationToken);
            }

            IReadOnlyDictionary<string, long> rows;
            if (files.Count == 1)
            {
                var inserted = await ExecuteAsync(Dialect.InsertFromFile(dataset.Table, dialect.ReadParquet(paths[0]), files[0].LakePath, loadedAt), cancellationToken);
                rows = new Dictionary<string, long>(StringComparer.Ordinal) { [files[0].LakePath] = inserted };
            }
            else
            {
                rows = await RowsPerFileAsync(files, paths, local.Prefix, cancellationToken);
                var inserted = await ExecuteAsync(dialect.InsertFromFiles(dataset.Table, paths, local.Prefix, loadedAt), cancellationToken);
                if (inserted != rows.Values.Sum())
                {
                    throw new InvalidOperationException(
                        $"{inserted} rows inserted from {files.Count} files whose footers count {rows.Values.Sum()}: a file changed while it was read");
                }
            }

            if (dataset.Bridge is { } bridge)
            {
                if (reloaded.Count > 0)
                {
                    await ExecuteAsync(Dialect.DeleteRowsOfFiles(bridge, reloaded), cancellationToken);
                }

                for (var i = 0; i < files.Count; i++)
                {
                    await ExecuteAsync(Dialect.InsertHashtagBridge(bridge, dialect.ReadParquet(paths[i]), files[i].LakePath, loadedAt), cancellationToken);
                }
            }

            return rows;
        }

        /// <summary>
        /// The rows of each file from its footer, keyed by the lake path DuckDB's own file name maps back to: the
        /// same mapping gives each inserted row its <c>source_file</c>, so this also checks that mapping.
        /// </summary>
        private async Task<IReadOnlyDictionary<string, long>> RowsPerFileAsync(
            IReadOnlyList<FileLoad> files, IReadOnlyList<string> paths, string prefix, CancellationToken cancellationToken)
        {
            var counts = await Target.QueryAsync(
                DuckDbDialect.Instance.FileRowCounts(paths, prefix), null, await TransactionAsync(cancellationToken), cancellationToken);
            var rows = new Dictionary<string, long>(StringComparer.Ordinal);
            foreach (var row in counts.Rows)
            {
                var lakePath = (string)row[0]!;
                rows[lakePath] = rows.GetValueOrDefault(lakePath) + QueryResult.ToInt64(row[1]);
            }

            var missing = files.Select(f => f.LakePath).Where(p => !rows.ContainsKey(p)).ToList();
            if (missing.Count > 0 || rows.Count != files.Count)
            {
                throw new InvalidOperationException(
                    $"DuckDB names the files {string.Join(", ", rows.Keys.Take(3))}... which are not the lake paths {string.Join(", ", missing.Take(3))}...");
            }

            return rows;
        }
    }
}
