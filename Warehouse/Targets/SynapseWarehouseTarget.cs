namespace Insights.Warehouse.Targets;

using System.Data.Common;
using Azure.Core;
using Azure.Identity;
using Insights.Warehouse.Schema;
using Insights.Warehouse.Sql;
using Microsoft.Data.SqlClient;

/// <summary>
/// Azure Synapse dedicated SQL pool over Microsoft.Data.SqlClient. A file is loaded with <c>COPY INTO</c> a session
/// temp table straight from storage (the pool reads the lake with its managed identity; nothing goes through this
/// process), then, in one transaction, the file's old rows are deleted and the staged rows inserted with the derived
/// columns, and the manifest entry replaced.
/// </summary>
public sealed class SynapseWarehouseTarget : AdoWarehouseTarget
{
    private static readonly string[] SqlScopes = ["https://database.windows.net/.default"];
    private readonly SynapseOptions _options;
    private readonly TokenCredential? _credential;

    public SynapseWarehouseTarget(SynapseOptions options, TokenCredential? credential = null)
        : base(new SynapseDialect(options.Schema))
    {
        _options = options;
        _credential = options.Authentication switch
        {
            SynapseOptions.ConnectionStringAuthentication => null,
            SynapseOptions.EntraIdAuthentication => credential ?? new DefaultAzureCredential(),
            _ => throw new InvalidOperationException(
                $"{WarehouseOptions.SectionName}:Synapse:Authentication '{options.Authentication}' is not supported (use ConnectionString or EntraId)."),
        };
    }

    public new SynapseDialect Dialect => (SynapseDialect)base.Dialect;

    public override string Description
    {
        get
        {
            var builder = new SqlConnectionStringBuilder(_options.ConnectionString ?? "");
            return $"Synapse {builder.DataSource}/{builder.InitialCatalog} schema {_options.Schema}";
        }
    }

    protected override async Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(_options.ConnectionString))
        {
            throw new InvalidOperationException($"{WarehouseOptions.SectionName}:Synapse:ConnectionString is required for the Synapse provider.");
        }

        var connection = new SqlConnection(_options.ConnectionString);
        if (_credential is { } credential)
        {
            connection.AccessTokenCallback = async (_, ct) =>
            {
                var token = await credential.GetTokenAsync(new TokenRequestContext(SqlScopes), ct);
                return new SqlAuthenticationToken(token.Token, token.ExpiresOn);
            };
        }

        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    protected override DbParameter CreateParameter(string name, object? value) => new SqlParameter("@" + name, value);

    protected override void Configure(DbCommand command) => command.CommandTimeout = _options.CommandTimeoutSeconds;

    public override async Task EnsureSchemaAsync(CancellationToken cancellationToken = default)
    {
        await ExecuteAsync(Dialect.CreateSchemaIfMissing(), cancellationToken);
        await base.EnsureSchemaAsync(cancellationToken);
    }

    /// <summary>One: COPY INTO stages a file into the session's temp table before its transaction, and cannot name the file per row.</summary>
    public override int MaxFilesPerTransaction => 1;

    public override Task<IWarehouseTransaction> BeginAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult<IWarehouseTransaction>(new Transaction(this));

    /// <summary>The statements that stage one file (exposed so their text can be checked without a pool).</summary>
    public IReadOnlyList<string> StagingStatements(WarehouseDataset dataset, string lakePath)
    {
        if (string.IsNullOrWhiteSpace(_options.StorageUrl))
        {
            throw new InvalidOperationException($"{WarehouseOptions.SectionName}:Synapse:StorageUrl is required for the Synapse provider.");
        }

        return
        [
            .. Dialect.CreateStagingTable(dataset.Table),
            SynapseDialect.CopyInto(SynapseDialect.StagingTable(dataset.Table), SynapseDialect.FileUrl(_options.StorageUrl, lakePath), _options.CopyCredential),
        ];
    }

    private sealed class Transaction(SynapseWarehouseTarget target) : AdoTransaction(target)
    {
        public override async Task<IReadOnlyDictionary<string, long>> ReplaceFilesRowsAsync(
            WarehouseDataset dataset, IReadOnlyList<FileLoad> files, DateTime loadedAt, CancellationToken cancellationToken = default)
        {
            if (files.Count != 1)
            {
                throw new ArgumentException($"a Synapse transaction loads one file ({files.Count} given): each is staged before it", nameof(files));
            }

            if (Started)
            {
                throw new InvalidOperationException("ReplaceFilesRowsAsync must come first in a Synapse transaction: the file is staged outside it.");
            }

            var (lakePath, previouslyLoaded) = files[0];

            // Outside the transaction: the temp table belongs to this session, so a failure leaves nothing behind.
            foreach (var statement in target.StagingStatements(dataset, lakePath))
            {
                await target.ExecuteAsync(statement, null, cancellationToken);
            }

            var staging = SynapseDialect.StagingTable(dataset.Table);
            var rows = await target.CountAsync($"SELECT COUNT_BIG(*) FROM {staging}", null, cancellationToken);
            if (previouslyLoaded)
            {
                await ExecuteAsync(Dialect.DeleteRowsOfFile(dataset.Table, lakePath), cancellationToken);
            }

            await ExecuteAsync(Dialect.InsertFromFile(dataset.Table, staging, lakePath, loadedAt), cancellationToken);
            if (dataset.Bridge is { } bridge)
            {
                if (previouslyLoaded)
                {
                    await ExecuteAsync(Dialect.DeleteRowsOfFile(bridge, lakePath), cancellationToken);
                }

                await ExecuteAsync(Dialect.InsertHashtagBridge(bridge, staging, lakePath, loadedAt), cancellationToken);
            }

            return new Dictionary<string, long>(StringComparer.Ordinal) { [lakePath] = rows };
        }
    }
}
