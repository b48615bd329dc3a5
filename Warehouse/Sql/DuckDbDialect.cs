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

    public override IReadOnlyList<string> CreateTableIfMissing(WarehouseTable table) =>
        [$"CREATE TABLE IF NOT EXISTS {Relation(table.Name)} (\n{ColumnList(table, c => TypeName(c.Type, table.Kind))}\n)"];

    public override IReadOnlyList<string> CreateOrReplaceView(string name, string selectSql) =>
        [$"CREATE OR REPLACE VIEW {Relation(name)} AS\n{selectSql}"];

    public override IReadOnlyList<string> DropViewIfExists(string name) => [$"DROP VIEW IF EXISTS {Relation(name)}"];

    public override string HourOf(string timestamp) => $"date_trunc('hour', {timestamp})";

    public override string SplitHashtagsSelect(string sourceRelation) =>
        "SELECT DISTINCT video_id, lower(ltrim(rtrim(tag))) AS hashtag\n"
        + $"FROM (SELECT video_id, unnest(string_split(hashtag_names, ',')) AS tag FROM {sourceRelation}) AS split\n"
        + "WHERE ltrim(rtrim(tag)) <> ''";

    public override string Parameter(string name) => "$" + name;

    public override string TimestampLiteral(DateTime value) =>
        $"CAST('{value.ToString("yyyy-MM-dd HH:mm:ss.ffffff", CultureInfo.InvariantCulture)}' AS TIMESTAMP)";

    /// <summary>The relation of a local Parquet file.</summary>
    public string ReadParquet(string localPath) => $"read_parquet({StringLiteral(localPath)})";
}
