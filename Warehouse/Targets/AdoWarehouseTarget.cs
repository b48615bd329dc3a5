namespace Insights.Warehouse.Targets;

using System.Data.Common;
using Insights.Warehouse.Schema;
using Insights.Warehouse.Sql;

/// <summary>What both engines share over ADO.NET: statements, queries, the manifest, transactions, dim_date.</summary>
public abstract class AdoWarehouseTarget(SqlDialect dialect) : IWarehouseTarget
{
    private DbConnection? _connection;

    public abstract string Description { get; }

    public SqlDialect Dialect { get; } = dialect;

    public abstract int MaxFilesPerTransaction { get; }

    protected abstract Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken);

    protected abstract DbParameter CreateParameter(string name, object? value);

    protected virtual void Configure(DbCommand command)
    {
    }

    protected async Task<DbConnection> ConnectionAsync(CancellationToken cancellationToken) =>
        _connection ??= await OpenConnectionAsync(cancellationToken);

    public virtual async Task EnsureSchemaAsync(CancellationToken cancellationToken = default) =>
        await ExecuteAsync(WarehouseSchema.Tables.SelectMany(Dialect.CreateTableIfMissing).ToList(), cancellationToken);

    public async Task<IReadOnlyList<ManifestEntry>> ReadManifestAsync(CancellationToken cancellationToken = default)
    {
        var result = await QueryAsync(Dialect.SelectManifest(), null, cancellationToken);
        return result.Rows.Select(r => new ManifestEntry(
                (string)r[0]!,
                (string)r[1]!,
                QueryResult.ToInt64(r[2]),
                ManifestEntry.Normalize((DateTime)r[3]!),
                QueryResult.ToInt64(r[4]),
                ManifestEntry.Normalize((DateTime)r[5]!)))
            .ToList();
    }

    public abstract Task<IWarehouseTransaction> BeginAsync(CancellationToken cancellationToken = default);

    public async Task ExecuteAsync(IReadOnlyList<string> statements, CancellationToken cancellationToken = default)
    {
        foreach (var sql in statements)
        {
            await ExecuteAsync(sql, null, cancellationToken);
        }
    }

    public async Task<QueryResult> QueryAsync(string sql, IReadOnlyDictionary<string, object?>? parameters = null, CancellationToken cancellationToken = default) =>
        await QueryAsync(sql, parameters, null, cancellationToken);

    protected internal async Task<int> ExecuteAsync(string sql, DbTransaction? transaction, CancellationToken cancellationToken)
    {
        await using var command = await CommandAsync(sql, null, transaction, cancellationToken);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    protected internal async Task<QueryResult> QueryAsync(
        string sql, IReadOnlyDictionary<string, object?>? parameters, DbTransaction? transaction, CancellationToken cancellationToken)
    {
        await using var command = await CommandAsync(sql, parameters, transaction, cancellationToken);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var columns = Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToList();
        var rows = new List<object?[]>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var row = new object?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            }

            rows.Add(row);
        }

        return new QueryResult(columns, rows);
    }

    protected internal async Task<long> CountAsync(string sql, DbTransaction? transaction, CancellationToken cancellationToken)
    {
        var result = await QueryAsync(sql, null, transaction, cancellationToken);
        return QueryResult.ToInt64(result.Rows[0][0]);
    }

    private async Task<DbCommand> CommandAsync(
        string sql, IReadOnlyDictionary<string, object?>? parameters, DbTransaction? transaction, CancellationToken cancellationToken)
    {
        var connection = await ConnectionAsync(cancellationToken);
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        Configure(command);
        foreach (var (name, value) in parameters ?? new Dictionary<string, object?>())
        {
            command.Parameters.Add(CreateParameter(name, value ?? DBNull.Value));
        }

        return command;
    }

    public virtual async ValueTask DisposeAsync()
    {
        if (_connection is not null)
        {
            await _connection.DisposeAsync();
            _connection = null;
        }

        GC.SuppressFinalize(this);
    }

    /// <summary>A transaction started on first use; rolled back on dispose unless committed.</summary>
    protected abstract class AdoTransaction(AdoWarehouseTarget target) : IWarehouseTransaction
    {
        private const int DatesPerInsert = 100;
        private const int ManifestEntriesPerStatement = 100;
        private DbTransaction? _transaction;
        private bool _completed;

        protected AdoWarehouseTarget Target { get; } = target;

        protected SqlDialect Dialect => Target.Dialect;

        protected bool Started => _transaction is not null;

        protected async Task<DbTransaction> TransactionAsync(CancellationToken cancellationToken) =>
            _transaction ??= await (await Target.ConnectionAsync(cancellationToken)).BeginTransactionAsync(cancellationToken);

        protected async Task<int> ExecuteAsync(string sql, CancellationToken cancellationToken) =>
            await Target.ExecuteAsync(sql, await TransactionAsync(cancellationToken), cancellationToken);

        protected async Task<long> CountAsync(string sql, CancellationToken cancellationToken) =>
            await Target.CountAsync(sql, await TransactionAsync(cancellationToken), cancellationToken);

        public abstract Task<IReadOnlyDictionary<string, long>> ReplaceFilesRowsAsync(
            WarehouseDataset dataset, IReadOnlyList<FileLoad> files, DateTime loadedAt, CancellationToken cancellationToken = default);

        public async Task<long> DeleteFilesRowsAsync(WarehouseDataset dataset, IReadOnlyList<string> lakePaths, CancellationToken cancellationToken = default)
        {
            var rows = await CountAsync(Dialect.CountRowsOfFiles(dataset.Table, lakePaths), cancellationToken);
            await ExecuteAsync(Dialect.DeleteRowsOfFiles(dataset.Table, lakePaths), cancellationToken);
            if (dataset.Bridge is { } bridge)
            {
                await ExecuteAsync(Dialect.DeleteRowsOfFiles(bridge, lakePaths), cancellationToken);
            }

            return rows;
        }

        public async Task WriteManifestAsync(IReadOnlyList<ManifestEntry> entries, CancellationToken cancellationToken = default)
        {
            foreach (var chunk in entries.Chunk(ManifestEntriesPerStatement))
            {
                await ExecuteAsync(Dialect.DeleteManifestEntries(chunk.Select(e => e.FilePath).ToList()), cancellationToken);
                await ExecuteAsync(Dialect.InsertManifestEntries(chunk), cancellationToken);
            }
        }

        public async Task DeleteManifestAsync(IReadOnlyList<string> lakePaths, CancellationToken cancellationToken = default)
        {
            foreach (var chunk in lakePaths.Chunk(ManifestEntriesPerStatement))
            {
                await ExecuteAsync(Dialect.DeleteManifestEntries(chunk), cancellationToken);
            }
        }

        public async Task<int> ExtendDateDimensionAsync(CancellationToken cancellationToken = default)
        {
            var range = await Target.QueryAsync(Dialect.SelectDateRange(), null, await TransactionAsync(cancellationToken), cancellationToken);
            if (range.Rows[0][0] is not { } first || range.Rows[0][1] is not { } last)
            {
                return 0;
            }

            var (from, to) = (ToDate(first), ToDate(last));
            var existing = await Target.QueryAsync(
                $"SELECT calendar_date FROM {Dialect.Relation(WarehouseSchema.DimDate.Name)} "
                + $"WHERE calendar_date >= {Dialect.DateLiteral(from)} AND calendar_date <= {Dialect.DateLiteral(to)}",
                null, await TransactionAsync(cancellationToken), cancellationToken);
            var present = existing.Rows.Select(r => ToDate(r[0]!)).ToHashSet();
            var missing = new List<DateOnly>();
            for (var d = from; d <= to; d = d.AddDays(1))
            {
                if (!present.Contains(d))
                {
                    missing.Add(d);
                }
            }

            foreach (var chunk in missing.Chunk(DatesPerInsert))
            {
                await ExecuteAsync(Dialect.InsertDates(chunk), cancellationToken);
            }

            return missing.Count;
        }

        public async Task CommitAsync(CancellationToken cancellationToken = default)
        {
            if (_transaction is not null)
            {
                await _transaction.CommitAsync(cancellationToken);
            }

            _completed = true;
        }

        public virtual async ValueTask DisposeAsync()
        {
            if (_transaction is not null)
            {
                if (!_completed)
                {
                    try
                    {
                        await _transaction.RollbackAsync();
                    }
                    catch (Exception ex) when (ex is DbException or InvalidOperationException)
                    {
                        // The connection may be gone (that is often why we are here); the engine rolls back then.
                    }
                }

                await _transaction.DisposeAsync();
            }

            GC.SuppressFinalize(this);
        }

        private static DateOnly ToDate(object value) => value switch
        {
            DateOnly d => d,
            DateTime t => DateOnly.FromDateTime(t),
            _ => DateOnly.Parse(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)!, System.Globalization.CultureInfo.InvariantCulture),
        };
    }
}
