namespace Insights.Warehouse.Sql;

using System.Globalization;
using Insights.Warehouse.Schema;

/// <summary>
/// T-SQL of an Azure Synapse dedicated SQL pool: hash-distributed clustered columnstore facts (whose text is
/// <c>nvarchar(4000)</c>: columnstore refuses <c>nvarchar(max)</c>), replicated row-store dimensions, views dropped and
/// created (no <c>CREATE OR ALTER VIEW</c>), <c>COPY INTO</c> a session temp table, <c>STRING_SPLIT</c>.
/// </summary>
public sealed class SynapseDialect(string schema = "dbo") : SqlDialect
{
    public string Schema { get; } = ValidateIdentifier(schema);

    public override string Name => "Synapse";

    public override string Relation(string name) => $"[{Schema}].[{name}]";

    public override string TypeName(ColumnType type, TableKind kind) => type switch
    {
        ColumnType.Id => "nvarchar(64)",
        ColumnType.Name => "nvarchar(256)",
        ColumnType.Text => "nvarchar(4000)",
        ColumnType.LongText => kind == TableKind.Fact ? "nvarchar(4000)" : "nvarchar(max)",
        ColumnType.Path => "nvarchar(1024)",
        ColumnType.BigInt => "bigint",
        ColumnType.Int => "int",
        ColumnType.Double => "float",
        ColumnType.Timestamp => "datetime2(7)",
        ColumnType.Date => "date",
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };

    public string TableOptions(WarehouseTable table) => table.Kind switch
    {
        TableKind.Fact => $"DISTRIBUTION = HASH({table.Key}), CLUSTERED COLUMNSTORE INDEX",
        TableKind.Dimension => $"DISTRIBUTION = REPLICATE, CLUSTERED INDEX ({table.Key})",
        _ => "DISTRIBUTION = ROUND_ROBIN, HEAP",
    };

    public override IReadOnlyList<string> CreateTableIfMissing(WarehouseTable table) =>
    [
        $"IF OBJECT_ID(N'{Schema}.{table.Name}', N'U') IS NULL\n"
        + $"CREATE TABLE {Relation(table.Name)} (\n{ColumnList(table, c => TypeName(c.Type, table.Kind))}\n)\n"
        + $"WITH ({TableOptions(table)})",
    ];

    /// <summary>Creates the schema when it is not dbo (CREATE SCHEMA must be alone in its batch, hence EXEC).</summary>
    public IReadOnlyList<string> CreateSchemaIfMissing() =>
        Schema == "dbo" ? [] : [$"IF SCHEMA_ID(N'{Schema}') IS NULL EXEC(N'CREATE SCHEMA [{Schema}]')"];

    public override IReadOnlyList<string> CreateOrReplaceView(string name, string selectSql) =>
        [.. DropViewIfExists(name), $"CREATE VIEW {Relation(name)} AS\n{selectSql}"];

    public override IReadOnlyList<string> DropViewIfExists(string name) =>
        [$"IF OBJECT_ID(N'{Schema}.{name}', N'V') IS NOT NULL DROP VIEW {Relation(name)}"];

    public override string HourOf(string timestamp) =>
        $"DATEADD(hour, DATEPART(hour, {timestamp}), CAST(CAST({timestamp} AS date) AS datetime2(7)))";

    public override string DayBefore(string timestamp) => $"DATEADD(day, -1, CAST({timestamp} AS date))";

    public override string SplitHashtagsSelect(string sourceRelation) =>
        "SELECT DISTINCT s.video_id, LOWER(LTRIM(RTRIM(t.value))) AS hashtag\n"
        + $"FROM {sourceRelation} AS s CROSS APPLY STRING_SPLIT(s.hashtag_names, N',') AS t\n"
        + "WHERE LTRIM(RTRIM(t.value)) <> N''";

    public override string Parameter(string name) => "@" + name;

    public override string FirstRows(string selectQuery, int count) =>
        selectQuery.StartsWith("SELECT ", StringComparison.Ordinal)
            ? $"SELECT TOP ({IntLiteral(count)}) {selectQuery["SELECT ".Length..]}"
            : throw new ArgumentException("The query must start with 'SELECT '.", nameof(selectQuery));

    public override string StringLiteral(string value) => "N" + base.StringLiteral(value);

    public override string TimestampLiteral(DateTime value) =>
        $"CAST('{value.ToString("yyyy-MM-dd HH:mm:ss.fffffff", CultureInfo.InvariantCulture)}' AS datetime2(7))";

    /// <summary>The session temp table a file is copied into before its rows replace the file's old rows in one transaction.</summary>
    public static string StagingTable(WarehouseTable table) => "#stg_" + table.Name;

    /// <summary>
    /// (Re)creates the staging table of a dataset: the file's columns in Parquet order, since COPY INTO maps Parquet
    /// columns to the table's by position.
    /// </summary>
    public IReadOnlyList<string> CreateStagingTable(WarehouseTable table) =>
    [
        $"IF OBJECT_ID(N'tempdb..{StagingTable(table)}') IS NOT NULL DROP TABLE {StagingTable(table)}",
        $"CREATE TABLE {StagingTable(table)} (\n"
        + string.Join(",\n", table.FileColumns.Select(c => $"    {c.Name} {TypeName(c.Type, TableKind.Manifest)}"))
        + "\n)\nWITH (DISTRIBUTION = ROUND_ROBIN, HEAP)",
    ];

    /// <summary><c>COPY INTO</c> the staging table from one Parquet file of the processed zone.</summary>
    public static string CopyInto(string stagingTable, string fileUrl, string credential) =>
        $"COPY INTO {stagingTable}\nFROM {QuoteUrl(fileUrl)}\nWITH (FILE_TYPE = 'PARQUET', CREDENTIAL = ({credential}))";

    /// <summary>The URL of a processed-zone file under the storage URL (lake paths hold only URL-safe characters).</summary>
    public static string FileUrl(string storageUrl, string lakePath) =>
        storageUrl.TrimEnd('/') + "/" + Insights.Lake.BlobPaths.Validate(lakePath);

    private static string QuoteUrl(string url) => "'" + url.Replace("'", "''", StringComparison.Ordinal) + "'";

    private static string ValidateIdentifier(string name) =>
        !string.IsNullOrEmpty(name) && name.Length <= 128 && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_')
            ? name
            : throw new ArgumentException($"'{name}' is not a valid schema name (letters, digits and '_')", nameof(name));
}
