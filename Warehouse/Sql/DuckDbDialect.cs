namespace Insights.Warehouse.Sql;

using System.Globalization;
using Insights.Warehouse.Schema;

/// <summary>DuckDB: tables in the default schema, <c>CREATE OR REPLACE VIEW</c>, lists for splitting.</summary>
public sealed class DuckDbDialect : SqlDialect
{
    public static readonly DuckDbDialect Instance = new();

    public override string Name => "DuckDB";

    public override string Relation(string name) => name;

    public override string TypeName(ColumnType type, TableKind kind) => type switch
    {
        ColumnType.Id or ColumnType.Name or ColumnType.Text or ColumnType.LongText or ColumnType.Path => "VARCHAR",
        ColumnType.BigInt => "BIGINT",
        ColumnType.Int => "INTEGER",
        ColumnType.Double => "DOUBLE",
        ColumnType.Timestamp => "TIMESTAMP",
        ColumnType.Date => "DATE",
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };

    /// <summary>
    /// Creates the table, and adds the columns a table created by an older schema lacks (fact_comment's
    /// <c>language</c>); rows loaded before have them null.
    /// </summary>
    public override IReadOnlyList<string> CreateTableIfMissing(WarehouseTable table) =>
    [
        $"CREATE TABLE IF NOT EXISTS {Relation(table.Name)} (\n{ColumnList(table, c => TypeName(c.Type, table.Kind))}\n)",
        .. table.Columns.Select(c => $"ALTER TABLE {Relation(table.Name)} ADD COLUMN IF NOT EXISTS {c.Name} {TypeName(c.Type, table.Kind)}"),
    ];

    public override IReadOnlyList<string> CreateOrReplaceView(string name, string selectSql) =>
        [$"CREATE OR REPLACE VIEW {Relation(name)} AS\n{selectSql}"];

    public override IReadOnlyList<string> DropViewIfExists(string name) => [$"DROP VIEW IF EXISTS {Relation(name)}"];

    public override string HourOf(string timestamp) => $"date_trunc('hour', {timestamp})";

    public override string DayBefore(string timestamp) => $"CAST({timestamp} AS DATE) - 1";

    public override string SplitHashtagsSelect(string sourceRelation) =>
        "SELECT DISTINCT video_id, lower(ltrim(rtrim(tag))) AS hashtag\n"
        + $"FROM (SELECT video_id, unnest(string_split(hashtag_names, ',')) AS tag FROM {sourceRelation}) AS split\n"
        + "WHERE ltrim(rtrim(tag)) <> ''";

    public override string Parameter(string name) => "$" + name;

    public override string FirstRows(string selectQuery, int count) => $"{selectQuery}\nLIMIT {IntLiteral(count)}";

    public override string TimestampLiteral(DateTime value) =>
        $"CAST('{value.ToString("yyyy-MM-dd HH:mm:ss.ffffff", CultureInfo.InvariantCulture)}' AS TIMESTAMP)";

    /// <summary>
    /// The relation of a local Parquet file. The lake's <c>key=value</c> folders are not read as columns: the topic
    /// files' own <c>date</c> column sits in a <c>date=</c> folder.
    /// </summary>
    public string ReadParquet(string localPath) => $"read_parquet({StringLiteral(localPath)}, hive_partitioning = false)";

    /// <summary>
    /// The relation of several local Parquet files, each row with the path it came from (<c>filename</c>, as given);
    /// DuckDB reads the files in parallel. The lake's <c>key=value</c> folders are not read as columns.
    /// </summary>
    public string ReadParquet(IReadOnlyList<string> localPaths) =>
        $"read_parquet([{string.Join(", ", localPaths.Select(StringLiteral))}], filename = true, hive_partitioning = false)";

    /// <summary>The lake path of a local path that is <paramref name="localPrefix"/> followed by the lake path.</summary>
    public string LakePathOf(string localPathSql, string localPrefix) => $"substr({localPathSql}, length({StringLiteral(localPrefix)}) + 1)";

    /// <summary>One statement inserting the rows of several files, <c>source_file</c> the lake path of each row's file.</summary>
    public string InsertFromFiles(WarehouseTable table, IReadOnlyList<string> localPaths, string localPrefix, DateTime loadedAt) =>
        InsertFromRelation(table, ReadParquet(localPaths), LakePathOf("filename", localPrefix), loadedAt);

    /// <summary>(lake path, rows) of each file, from the Parquet footers alone.</summary>
    public string FileRowCounts(IReadOnlyList<string> localPaths, string localPrefix) =>
        $"SELECT {LakePathOf("file_name", localPrefix)} AS lake_path, num_rows "
        + $"FROM parquet_file_metadata([{string.Join(", ", localPaths.Select(StringLiteral))}])";
}
