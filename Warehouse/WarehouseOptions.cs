namespace Insights.Warehouse;

/// <summary>The warehouse the processed zone is loaded into. Section <c>Insights:Warehouse</c>.</summary>
public sealed class WarehouseOptions
{
    public const string SectionName = "Insights:Warehouse";

    public const string DuckDbProvider = "DuckDb";
    public const string SynapseProvider = "Synapse";

    /// <summary><c>DuckDb</c> (an embedded file, the default) or <c>Synapse</c> (Azure Synapse dedicated SQL pool).</summary>
    public string Provider { get; set; } = DuckDbProvider;

    /// <summary>The DuckDB database file, relative to the working directory.</summary>
    public string DuckDbPath { get; set; } = "data/warehouse/insights.duckdb";

    /// <summary>
    /// The most processed-zone files of a dataset DuckDB loads in one transaction (one <c>read_parquet</c> over all of
    /// them). Larger units mean fewer commits; a unit that fails is retried file by file.
    /// </summary>
    public int DuckDbFilesPerTransaction { get; set; } = Targets.DuckDbWarehouseTarget.DefaultFilesPerTransaction;

    /// <summary>
    /// DuckDB's <c>storage_compatibility_version</c> for a database file the loader creates: <c>latest</c> (this
    /// DuckDB's newest storage, which costs a seventh less processor time to load into; a DuckDB CLI or dbt-duckdb
    /// opening the file must be as new) or a release such as <c>v1.0.0</c> for older readers. A file keeps the
    /// version it was created with.
    /// </summary>
    public string DuckDbStorageVersion { get; set; } = Targets.DuckDbWarehouseTarget.DefaultStorageVersion;

    /// <summary>Period of the scheduled load (the loader grain's reminder).</summary>
    public TimeSpan LoadInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Whether the silo loads on a schedule; false leaves only the on-demand loads (API, command line).</summary>
    public bool LoadOnSchedule { get; set; } = true;

    /// <summary>
    /// <c>Memory</c>: <c>AddInsightsWarehouse</c> registers Orleans' in-memory reminder service (the local default;
    /// every silo re-registers the reminder at start, so losing the table costs nothing). <c>None</c>: the host
    /// registers a durable reminder service itself.
    /// </summary>
    public string ReminderService { get; set; } = "Memory";

    /// <summary>(Re)create the dbt models as views after the first load of each process (and activation).</summary>
    public bool BuildModels { get; set; } = true;

    /// <summary>The dbt project; empty means the copy shipped beside the assembly (<c>dbt/</c>).</summary>
    public string? DbtProjectPath { get; set; }

    /// <summary>Where lake files are downloaded for DuckDB when the lake is not a local folder; empty means the system temp folder.</summary>
    public string? TempPath { get; set; }

    public SynapseOptions Synapse { get; set; } = new();

    public string ResolveDbtProjectPath() =>
        string.IsNullOrWhiteSpace(DbtProjectPath) ? Path.Combine(AppContext.BaseDirectory, "dbt") : Path.GetFullPath(DbtProjectPath);
}

/// <summary>Azure Synapse dedicated SQL pool. Section <c>Insights:Warehouse:Synapse</c>.</summary>
public sealed class SynapseOptions
{
    public const string ConnectionStringAuthentication = "ConnectionString";
    public const string EntraIdAuthentication = "EntraId";

    /// <summary>ADO.NET connection string of the dedicated SQL pool (no secret in the repository: environment or Key Vault).</summary>
    public string? ConnectionString { get; set; }

    /// <summary>
    /// <c>ConnectionString</c>: whatever the connection string says (SQL user and password).
    /// <c>EntraId</c>: a token from <c>DefaultAzureCredential</c> (managed identity in Azure, az login on a workstation).
    /// </summary>
    public string Authentication { get; set; } = ConnectionStringAuthentication;

    /// <summary>The processed zone as Synapse reads it, e.g. <c>https://account.dfs.core.windows.net/processed</c>.</summary>
    public string? StorageUrl { get; set; }

    /// <summary>The CREDENTIAL of COPY INTO: the workspace's managed identity by default (role Storage Blob Data Reader).</summary>
    public string CopyCredential { get; set; } = "IDENTITY = 'Managed Identity'";

    /// <summary>Schema of the tables and views.</summary>
    public string Schema { get; set; } = "dbo";

    /// <summary>Seconds a statement may run (COPY INTO of a big file).</summary>
    public int CommandTimeoutSeconds { get; set; } = 600;
}
