namespace Insights.Warehouse.Sql;

using System.Globalization;
using System.Text;
using Insights.Warehouse.Schema;

/// <summary>
/// Every SQL difference between the warehouse engines, in one place: type names, table options, how a view is
/// replaced, literals and parameters, and the two expressions that have no portable spelling (the start of an hour
/// and the split of a comma-separated string), which the loader computes into columns so the dbt models need
/// neither. Everything else the loader and the model runner write is plain SQL both engines accept.
/// </summary>
public abstract class SqlDialect
{
    public abstract string Name { get; }

    /// <summary>The name of a table or view as statements use it (schema-qualified where the engine needs it).</summary>
    public abstract string Relation(string name);

    public abstract string TypeName(ColumnType type, TableKind kind);

    /// <summary>Statements that create the table if it does not exist yet (an existing table is left as it is).</summary>
    public abstract IReadOnlyList<string> CreateTableIfMissing(WarehouseTable table);

    /// <summary>Statements that create or replace a view, each to run as its own batch.</summary>
    public abstract IReadOnlyList<string> CreateOrReplaceView(string name, string selectSql);

    /// <summary>Statements that drop a view if it exists.</summary>
    public abstract IReadOnlyList<string> DropViewIfExists(string name);

    /// <summary>The start of the hour of a timestamp expression (no portable spelling: date_trunc / DATEADD).</summary>
    public abstract string HourOf(string timestamp);

    /// <summary>
    /// SELECT of (video_id, hashtag) pairs from a relation with <c>video_id</c> and <c>hashtag_names</c>, one row per
    /// distinct non-empty hashtag, trimmed and lower-cased. DuckDB: <c>unnest(string_split(...))</c>; T-SQL:
    /// <c>CROSS APPLY STRING_SPLIT(...)</c>.
    /// </summary>
    public abstract string SplitHashtagsSelect(string sourceRelation);

    /// <summary>A named query parameter as it appears in SQL text.</summary>
    public abstract string Parameter(string name);

    /// <summary>The first <paramref name="count"/> rows of an ordered query (<c>LIMIT</c> / <c>TOP</c>); the query starts with <c>SELECT </c>.</summary>
    public abstract string FirstRows(string selectQuery, int count);

    public virtual string DateOf(string timestamp) => $"CAST({timestamp} AS DATE)";

    /// <summary>The date before the date of a timestamp expression (no portable spelling: <c>- 1</c> / DATEADD).</summary>
    public abstract string DayBefore(string timestamp);

    public virtual string StringLiteral(string value) => "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";

    public abstract string TimestampLiteral(DateTime value);

    public virtual string DateLiteral(DateOnly value) => $"CAST('{value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}' AS DATE)";

    public virtual string IntLiteral(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>The count of rows a query returns (dbt tests: the failing rows).</summary>
    public virtual string CountRows(string query) => $"SELECT COUNT(*) AS failures FROM (\n{query}\n) AS dbt_internal_test";

    /// <summary>
    /// The select-list expression that fills <paramref name="column"/> from a file relation; <paramref name="sourceFileSql"/>
    /// is the SQL of the lake path (a literal for one file, an expression over the relation for several).
    /// </summary>
    public string LoadExpression(WarehouseColumn column, string sourceFileSql, DateTime loadedAt) => column.Source switch
    {
        ColumnSource.File => column.Name,
        ColumnSource.HourOf => HourOf(column.From!),
        ColumnSource.DateOf => DateOf(column.From!),
        ColumnSource.DayBefore => DayBefore(column.From!),
        ColumnSource.SourceFile => sourceFileSql,
        ColumnSource.LoadedAt => TimestampLiteral(loadedAt),
        _ => throw new ArgumentException($"column {column.Name} is not loaded from files", nameof(column)),
    };

    /// <summary><c>INSERT INTO table (...) SELECT ... FROM relation</c> for the loaded columns of a table, from one file.</summary>
    public string InsertFromFile(WarehouseTable table, string fileRelation, string sourceFile, DateTime loadedAt) =>
        InsertFromRelation(table, fileRelation, StringLiteral(sourceFile), loadedAt);

    /// <summary>
    /// <c>INSERT INTO table (...) SELECT ... FROM relation</c>, <c>source_file</c> from <paramref name="sourceFileExpression"/>
    /// (SQL over the relation, so one statement loads many files). No ORDER BY: row order means nothing here.
    /// </summary>
    public string InsertFromRelation(WarehouseTable table, string relation, string sourceFileExpression, DateTime loadedAt)
    {
        var columns = table.LoadedColumns.ToList();
        return $"INSERT INTO {Relation(table.Name)} ({string.Join(", ", columns.Select(c => c.Name))})\n"
            + $"SELECT {string.Join(", ", columns.Select(c => LoadExpression(c, sourceFileExpression, loadedAt)))}\nFROM {relation}";
    }

    /// <summary>The bridge rows (video, hashtag) of a <c>dim_videos</c> file.</summary>
    public string InsertHashtagBridge(WarehouseTable bridge, string fileRelation, string sourceFile, DateTime loadedAt) =>
        $"INSERT INTO {Relation(bridge.Name)} (video_id, hashtag, {WarehouseSchema.SourceFileColumn}, {WarehouseSchema.LoadedAtColumn})\n"
        + $"SELECT video_id, hashtag, {StringLiteral(sourceFile)}, {TimestampLiteral(loadedAt)}\nFROM (\n{SplitHashtagsSelect(fileRelation)}\n) AS tags";

    public string DeleteRowsOfFile(WarehouseTable table, string sourceFile) => DeleteRowsOfFiles(table, [sourceFile]);

    public string DeleteRowsOfFiles(WarehouseTable table, IReadOnlyList<string> sourceFiles) =>
        $"DELETE FROM {Relation(table.Name)} WHERE {WarehouseSchema.SourceFileColumn} {InList(sourceFiles)}";

    public string CountRowsOfFiles(WarehouseTable table, IReadOnlyList<string> sourceFiles) =>
        $"SELECT COUNT(*) FROM {Relation(table.Name)} WHERE {WarehouseSchema.SourceFileColumn} {InList(sourceFiles)}";

    public string DeleteManifestEntries(IReadOnlyList<string> filePaths) =>
        $"DELETE FROM {Relation(WarehouseSchema.LoadManifest.Name)} WHERE file_path {InList(filePaths)}";

    /// <summary>Manifest rows with <c>INSERT ... SELECT ... UNION ALL SELECT ...</c> (no multi-row VALUES on Synapse).</summary>
    public string InsertManifestEntries(IReadOnlyList<Targets.ManifestEntry> entries)
    {
        if (entries.Count == 0)
        {
            throw new ArgumentException("no manifest entry to insert", nameof(entries));
        }

        return $"INSERT INTO {Relation(WarehouseSchema.LoadManifest.Name)} (file_path, dataset, size_bytes, last_modified, row_count, loaded_at)\n"
            + string.Join("\nUNION ALL ", entries.Select(e =>
                $"SELECT {StringLiteral(e.FilePath)}, {StringLiteral(e.Dataset)}, {IntLiteral(e.SizeBytes)}, "
                + $"{TimestampLiteral(e.LastModified)}, {IntLiteral(e.RowCount)}, {TimestampLiteral(e.LoadedAt)}"));
    }

    public string SelectManifest() =>
        $"SELECT file_path, dataset, size_bytes, last_modified, row_count, loaded_at FROM {Relation(WarehouseSchema.LoadManifest.Name)}";

    /// <summary>
    /// Inserts calendar rows with <c>INSERT ... SELECT ... UNION ALL SELECT ...</c>: Synapse dedicated pools accept
    /// no multi-row VALUES.
    /// </summary>
    public string InsertDates(IReadOnlyList<DateOnly> dates)
    {
        var sb = new StringBuilder();
        sb.Append($"INSERT INTO {Relation(WarehouseSchema.DimDate.Name)} ({string.Join(", ", WarehouseSchema.DimDate.Columns.Select(c => c.Name))})\n");
        for (var i = 0; i < dates.Count; i++)
        {
            var d = dates[i];
            var dt = d.ToDateTime(TimeOnly.MinValue);
            var dayOfWeek = d.DayOfWeek == DayOfWeek.Sunday ? 7 : (int)d.DayOfWeek;
            sb.Append(i == 0 ? "SELECT " : "UNION ALL SELECT ")
                .Append(IntLiteral(d.Year * 10000 + d.Month * 100 + d.Day)).Append(", ")
                .Append(DateLiteral(d)).Append(", ")
                .Append(IntLiteral(d.Year)).Append(", ")
                .Append(IntLiteral((d.Month - 1) / 3 + 1)).Append(", ")
                .Append(IntLiteral(d.Month)).Append(", ")
                .Append(StringLiteral(dt.ToString("MMMM", CultureInfo.InvariantCulture))).Append(", ")
                .Append(IntLiteral(d.Day)).Append(", ")
                .Append(IntLiteral(dayOfWeek)).Append(", ")
                .Append(StringLiteral(d.DayOfWeek.ToString())).Append(", ")
                .Append(IntLiteral(ISOWeek.GetWeekOfYear(dt))).Append(", ")
                .Append(IntLiteral(dayOfWeek >= 6 ? 1 : 0)).Append('\n');
        }

        return sb.ToString();
    }

    /// <summary>The first and last date present in the facts, videos and topics (both null when there is none).</summary>
    public string SelectDateRange() =>
        "SELECT MIN(d) AS first_date, MAX(d) AS last_date FROM (\n"
        + $"  SELECT MIN(create_date) AS d FROM {Relation(WarehouseSchema.FactComment.Name)}\n"
        + $"  UNION ALL SELECT MAX(create_date) FROM {Relation(WarehouseSchema.FactComment.Name)}\n"
        + $"  UNION ALL SELECT MIN(snapshot_date) FROM {Relation(WarehouseSchema.FactVideoSnapshot.Name)}\n"
        + $"  UNION ALL SELECT MAX(snapshot_date) FROM {Relation(WarehouseSchema.FactVideoSnapshot.Name)}\n"
        + $"  UNION ALL SELECT MIN(create_date) FROM {Relation(WarehouseSchema.DimVideo.Name)}\n"
        + $"  UNION ALL SELECT MAX(create_date) FROM {Relation(WarehouseSchema.DimVideo.Name)}\n"
        + $"  UNION ALL SELECT MIN(topic_date) FROM {Relation(WarehouseSchema.TopicsDaily.Name)}\n"
        + $"  UNION ALL SELECT MAX(topic_date) FROM {Relation(WarehouseSchema.TopicsDaily.Name)}\n"
        + ") AS dates";

    /// <summary><c>= 'x'</c> for one value, <c>IN ('x', 'y')</c> for several.</summary>
    private string InList(IReadOnlyList<string> values) => values.Count switch
    {
        0 => throw new ArgumentException("an empty list of files", nameof(values)),
        1 => "= " + StringLiteral(values[0]),
        _ => $"IN ({string.Join(", ", values.Select(StringLiteral))})",
    };

    protected static string ColumnList(WarehouseTable table, Func<WarehouseColumn, string> type) =>
        string.Join(",\n", table.Columns.Select(c => $"    {c.Name} {type(c)}"));
}
