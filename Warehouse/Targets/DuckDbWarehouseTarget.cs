namespace Insights.Warehouse.Targets;

using System.Data.Common;
using DuckDB.NET.Data;
using Insights.Lake;
using Insights.Lake.Local;
using Insights.Warehouse.Schema;
using Insights.Warehouse.Sql;

/// <summary>
/// The embedded warehouse: one DuckDB file. Files are read by DuckDB itself with <c>read_parquet</c>: in place for a
/// local lake, from a temporary copy (fetched through <see cref="IBlobStore.ReadAsync"/>) for any other.
/// DuckDB lets one process open a file for writing at a time; the connection is held only for the target's lifetime,
/// so the DuckDB CLI and <c>insights warehouse</c> can use the file between loads.
/// </summary>
public sealed class DuckDbWarehouseTarget(string databasePath, IBlobStore processedZone, string? tempFolder = null)
    : AdoWarehouseTarget(DuckDbDialect.Instance)
{
    private readonly string _path = Path.GetFullPath(databasePath);

    public override string Description => "DuckDB " + _path;

    public string DatabasePath => _path;

    protected override async Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_path)!);
        var connection = new DuckDBConnection($"Data Source={_path}");
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    protected override DbParameter CreateParameter(string name, object? value) => new DuckDBParameter(name, value);

    public override Task<IWarehouseTransaction> BeginAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult<IWarehouseTransaction>(new Transaction(this));

    /// <summary>A local path to the lake file: the file itself, or a temporary copy deleted on dispose.</summary>
    private async Task<LocalFile> LocalFileAsync(string lakePath, CancellationToken cancellationToken)
    {
        if (processedZone is LocalFolderBlobStore local)
        {
            var path = Path.Combine(local.Root, BlobPaths.Validate(lakePath).Replace('/', Path.DirectorySeparatorChar));
            return File.Exists(path) ? new LocalFile(path, Temporary: false) : throw new LakeFileVanishedException(lakePath);
        }

        var bytes = await processedZone.ReadAsync(lakePath, cancellationToken) ?? throw new LakeFileVanishedException(lakePath);
        var folder = string.IsNullOrWhiteSpace(tempFolder) ? Path.GetTempPath() : tempFolder;
        Directory.CreateDirectory(folder);
        var temp = Path.Combine(folder, $"insights-warehouse-{Guid.NewGuid():N}.parquet");
        await File.WriteAllBytesAsync(temp, bytes, cancellationToken);
        return new LocalFile(temp, Temporary: true);
    }

    private sealed record LocalFile(string Path, bool Temporary) : IDisposable
    {
        public void Dispose()
        {
            if (Temporary)
            {
                File.Delete(Path);
            }
        }
    }

    private sealed class Transaction(DuckDbWarehouseTarget target) : AdoTransaction(target)
    {
        public override async Task<long> ReplaceFileRowsAsync(
            WarehouseDataset dataset, string lakePath, DateTime loadedAt, bool previouslyLoaded, CancellationToken cancellationToken = default)
        {
            using var file = await target.LocalFileAsync(lakePath, cancellationToken);
            var relation = DuckDbDialect.Instance.ReadParquet(file.Path);
            if (previouslyLoaded)
            {
                await ExecuteAsync(Dialect.DeleteRowsOfFile(dataset.Table, lakePath), cancellationToken);
            }

            var rows = await ExecuteAsync(Dialect.InsertFromFile(dataset.Table, relation, lakePath, loadedAt), cancellationToken);
            if (dataset.Bridge is { } bridge)
            {
                if (previouslyLoaded)
                {
                    await ExecuteAsync(Dialect.DeleteRowsOfFile(bridge, lakePath), cancellationToken);
                }

                await ExecuteAsync(Dialect.InsertHashtagBridge(bridge, relation, lakePath, loadedAt), cancellationToken);
            }

            return rows;
        }
    }
}
