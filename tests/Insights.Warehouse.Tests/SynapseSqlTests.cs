namespace Insights.Warehouse.Tests;

using System.Text.RegularExpressions;
using Insights.Warehouse.Modeling;
using Insights.Warehouse.Schema;
using Insights.Warehouse.Sql;
using Insights.Warehouse.Targets;

/// <summary>The T-SQL Insights sends to a Synapse dedicated SQL pool, checked as text (no pool needed).</summary>
public sealed partial class SynapseSqlTests
{
    private static readonly SynapseDialect Dialect = new();

    [Fact]
    public void Fact_tables_are_hash_distributed_columnstore_with_bounded_text()
    {
        var ddl = Assert.Single(Dialect.CreateTableIfMissing(WarehouseSchema.FactComment));

        Assert.StartsWith("IF OBJECT_ID(N'dbo.fact_comment', N'U') IS NULL\nCREATE TABLE [dbo].[fact_comment] (", ddl, StringComparison.Ordinal);
        Assert.EndsWith("WITH (DISTRIBUTION = HASH(video_id), CLUSTERED COLUMNSTORE INDEX)", ddl, StringComparison.Ordinal);
        Assert.Contains("    text nvarchar(4000),", ddl, StringComparison.Ordinal);
        Assert.Contains("    create_time datetime2(7),", ddl, StringComparison.Ordinal);
        Assert.Contains("    create_date date,", ddl, StringComparison.Ordinal);
        Assert.Contains("    source_file nvarchar(1024),", ddl, StringComparison.Ordinal);
        foreach (var fact in new[] { WarehouseSchema.FactComment, WarehouseSchema.FactVideoSnapshot })
        {
            var sql = Dialect.CreateTableIfMissing(fact)[0];
            Assert.DoesNotContain("max)", sql, StringComparison.Ordinal); // columnstore refuses nvarchar(max)
            Assert.Contains("DISTRIBUTION = HASH(video_id), CLUSTERED COLUMNSTORE INDEX", sql, StringComparison.Ordinal);
        }

        Assert.EndsWith("WITH (DISTRIBUTION = REPLICATE, CLUSTERED INDEX (video_id))", Dialect.CreateTableIfMissing(WarehouseSchema.DimVideo)[0], StringComparison.Ordinal);
        Assert.EndsWith("WITH (DISTRIBUTION = ROUND_ROBIN, HEAP)", Dialect.CreateTableIfMissing(WarehouseSchema.LoadManifest)[0], StringComparison.Ordinal);
        Assert.Equal(["IF SCHEMA_ID(N'insights') IS NULL EXEC(N'CREATE SCHEMA [insights]')"], new SynapseDialect("insights").CreateSchemaIfMissing());
        Assert.Throws<ArgumentException>(() => new SynapseDialect("dbo]; DROP TABLE x; --"));
    }

    [Fact]
    public void A_file_is_copied_into_a_session_staging_table_then_swapped_in_by_source_file()
    {
        var target = new SynapseWarehouseTarget(new SynapseOptions
        {
            ConnectionString = "Server=tcp:ws.sql.azuresynapse.net,1433;Database=pool",
            StorageUrl = "https://account.dfs.core.windows.net/processed/",
        });
        const string path = "comments/date=2026-11-24/hour=05/part-000001.parquet";

        var staging = target.StagingStatements(WarehouseSchema.Comments, path);

        Assert.Equal("IF OBJECT_ID(N'tempdb..#stg_fact_comment') IS NOT NULL DROP TABLE #stg_fact_comment", staging[0]);
        Assert.StartsWith("CREATE TABLE #stg_fact_comment (\n    comment_id nvarchar(64),\n    video_id nvarchar(64),", staging[1], StringComparison.Ordinal);
        Assert.EndsWith("    analyzer nvarchar(256),\n    language nvarchar(256)\n)\nWITH (DISTRIBUTION = ROUND_ROBIN, HEAP)", staging[1], StringComparison.Ordinal);
        Assert.DoesNotContain("create_hour", staging[1], StringComparison.Ordinal); // derived columns are not in the file
        Assert.Equal(
            "COPY INTO #stg_fact_comment\n"
            + "FROM 'https://account.dfs.core.windows.net/processed/comments/date=2026-11-24/hour=05/part-000001.parquet'\n"
            + "WITH (FILE_TYPE = 'PARQUET', CREDENTIAL = (IDENTITY = 'Managed Identity'))",
            staging[2]);

        var loadedAt = new DateTime(2026, 11, 24, 6, 0, 1, DateTimeKind.Utc);
        var insert = Dialect.InsertFromFile(WarehouseSchema.FactComment, SynapseDialect.StagingTable(WarehouseSchema.FactComment), path, loadedAt);
        Assert.StartsWith("INSERT INTO [dbo].[fact_comment] (comment_id, video_id,", insert, StringComparison.Ordinal);
        Assert.Contains("DATEADD(hour, DATEPART(hour, create_time), CAST(CAST(create_time AS date) AS datetime2(7))), CAST(create_time AS DATE), "
            + "N'comments/date=2026-11-24/hour=05/part-000001.parquet', CAST('2026-11-24 06:00:01.0000000' AS datetime2(7))\nFROM #stg_fact_comment", insert, StringComparison.Ordinal);
        Assert.Equal("DELETE FROM [dbo].[fact_comment] WHERE source_file = N'comments/date=2026-11-24/hour=05/part-000001.parquet'",
            Dialect.DeleteRowsOfFile(WarehouseSchema.FactComment, path));
        Assert.Contains("CROSS APPLY STRING_SPLIT(s.hashtag_names, N',') AS t",
            Dialect.InsertHashtagBridge(WarehouseSchema.DimVideoHashtag, "#stg_dim_video", WarehouseSchema.Videos.LakePrefix, loadedAt), StringComparison.Ordinal);
        Assert.DoesNotContain("VALUES", Dialect.InsertDates([new DateOnly(2026, 11, 23), new DateOnly(2026, 11, 24)]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Synapse_loads_one_file_per_transaction_and_writes_manifest_rows_without_multi_row_values()
    {
        await using var target = new SynapseWarehouseTarget(new SynapseOptions { ConnectionString = "Server=tcp:ws.sql.azuresynapse.net,1433;Database=pool" });
        Assert.Equal(1, target.MaxFilesPerTransaction);
        await using (var tx = await target.BeginAsync())
        {
            // Refused before any statement: two files cannot share the session's staging table.
            await Assert.ThrowsAsync<ArgumentException>(() => tx.ReplaceFilesRowsAsync(
                WarehouseSchema.Comments, [new FileLoad("comments/a.parquet", false), new FileLoad("comments/b.parquet", false)], DateTime.UtcNow));
        }

        var time = new DateTime(2026, 11, 24, 6, 0, 1, DateTimeKind.Utc);
        var insert = Dialect.InsertManifestEntries(
            [new ManifestEntry("comments/a.parquet", "comments", 10, time, 2, time), new ManifestEntry("comments/b.parquet", "comments", 20, time, 3, time)]);
        Assert.DoesNotContain("VALUES", insert, StringComparison.Ordinal);
        Assert.Contains("SELECT N'comments/a.parquet', N'comments', 10, ", insert, StringComparison.Ordinal);
        Assert.Contains("\nUNION ALL SELECT N'comments/b.parquet', N'comments', 20, ", insert, StringComparison.Ordinal);
        Assert.Equal("DELETE FROM [dbo].[load_manifest] WHERE file_path IN (N'comments/a.parquet', N'comments/b.parquet')",
            Dialect.DeleteManifestEntries(["comments/a.parquet", "comments/b.parquet"]));
        Assert.Equal("SELECT COUNT(*) FROM [dbo].[fact_comment] WHERE source_file IN (N'a', N'b')", Dialect.CountRowsOfFiles(WarehouseSchema.FactComment, ["a", "b"]));
    }

    [Fact]
    public void Topic_tables_are_replicated_or_distributed_like_the_comments_and_staged_in_the_row_classes_column_order()
    {
        Assert.EndsWith("WITH (DISTRIBUTION = REPLICATE, CLUSTERED INDEX (topic_id))", Dialect.CreateTableIfMissing(WarehouseSchema.TopicsDaily)[0], StringComparison.Ordinal);
        Assert.EndsWith("WITH (DISTRIBUTION = REPLICATE, CLUSTERED INDEX (topic_id))", Dialect.CreateTableIfMissing(WarehouseSchema.TopicTermsDaily)[0], StringComparison.Ordinal);
        foreach (var fact in new[] { WarehouseSchema.CommentTopics, WarehouseSchema.VideoTopics })
        {
            var ddl = Dialect.CreateTableIfMissing(fact)[0];
            Assert.EndsWith("WITH (DISTRIBUTION = HASH(video_id), CLUSTERED COLUMNSTORE INDEX)", ddl, StringComparison.Ordinal);
            Assert.DoesNotContain("max)", ddl, StringComparison.Ordinal);
        }

        var topics = Dialect.CreateTableIfMissing(WarehouseSchema.TopicsDaily)[0];
        Assert.StartsWith("IF OBJECT_ID(N'dbo.topics_daily', N'U') IS NULL\nCREATE TABLE [dbo].[topics_daily] (\n    date datetime2(7),\n    topic_id nvarchar(64),", topics, StringComparison.Ordinal);
        Assert.Contains("    terms nvarchar(4000),", topics, StringComparison.Ordinal);
        Assert.Contains("    previous_comments bigint,", topics, StringComparison.Ordinal); // nullable: a new topic has none
        Assert.Contains("    previous_date date,", topics, StringComparison.Ordinal);

        // COPY INTO maps Parquet columns by position: the staging table's columns are the row class's, in its order.
        (WarehouseDataset Dataset, Type Row)[] files =
        [
            (WarehouseSchema.Topics, typeof(Insights.Lake.Records.TopicRow)),
            (WarehouseSchema.TopicTerms, typeof(Insights.Lake.Records.TopicTermRow)),
            (WarehouseSchema.CommentTopicAssignments, typeof(Insights.Lake.Records.CommentTopicRow)),
            (WarehouseSchema.VideoTopicCounts, typeof(Insights.Lake.Records.VideoTopicRow)),
        ];
        var target = new SynapseWarehouseTarget(new SynapseOptions
        {
            ConnectionString = "Server=tcp:ws.sql.azuresynapse.net,1433;Database=pool",
            StorageUrl = "https://account.dfs.core.windows.net/processed",
        });
        foreach (var (dataset, row) in files)
        {
            var columns = row.GetProperties().Select(p =>
                p.GetCustomAttributes(typeof(System.Text.Json.Serialization.JsonPropertyNameAttribute), false)
                    .Cast<System.Text.Json.Serialization.JsonPropertyNameAttribute>().Single().Name).ToList();
            Assert.Equal(columns, dataset.Table.FileColumns.Select(c => c.Name).ToList());

            var path = $"topics/date=2026-11-24/{dataset.FileName}";
            var staging = target.StagingStatements(dataset, path);
            Assert.StartsWith($"CREATE TABLE #stg_{dataset.Table.Name} (\n    date datetime2(7),\n", staging[1], StringComparison.Ordinal);
            Assert.DoesNotContain("topic_date", staging[1], StringComparison.Ordinal); // derived, not in the file
            Assert.Equal(
                $"COPY INTO #stg_{dataset.Table.Name}\nFROM 'https://account.dfs.core.windows.net/processed/{path}'\n"
                + "WITH (FILE_TYPE = 'PARQUET', CREDENTIAL = (IDENTITY = 'Managed Identity'))",
                staging[2]);
        }

        var loadedAt = new DateTime(2026, 11, 24, 23, 55, 0, DateTimeKind.Utc);
        var insert = Dialect.InsertFromFile(WarehouseSchema.TopicsDaily, "#stg_topics_daily", "topics/date=2026-11-24/topics.parquet", loadedAt);
        Assert.StartsWith("INSERT INTO [dbo].[topics_daily] (date, topic_id, label, terms, comments,", insert, StringComparison.Ordinal);
        Assert.Contains("built_at, CAST(date AS DATE), DATEADD(day, -1, CAST(date AS date)), N'topics/date=2026-11-24/topics.parquet', ", insert, StringComparison.Ordinal);
        Assert.Contains("UNION ALL SELECT MAX(topic_date) FROM [dbo].[topics_daily]", Dialect.SelectDateRange(), StringComparison.Ordinal);
    }

    [Fact]
    public void Views_are_dropped_and_created_since_dedicated_pools_have_no_create_or_alter_view()
    {
        var statements = Dialect.CreateOrReplaceView("video_sentiment_score", "select 1 as x");

        Assert.Equal(
            ["IF OBJECT_ID(N'dbo.video_sentiment_score', N'V') IS NOT NULL DROP VIEW [dbo].[video_sentiment_score]",
             "CREATE VIEW [dbo].[video_sentiment_score] AS\nselect 1 as x"],
            statements);
        Assert.Equal(["CREATE OR REPLACE VIEW video_sentiment_score AS\nselect 1 as x"], DuckDbDialect.Instance.CreateOrReplaceView("video_sentiment_score", "select 1 as x"));
    }

    [Fact]
    public void The_models_compile_to_portable_sql_for_synapse()
    {
        var project = DbtProject.Load(Path.Combine(AppContext.BaseDirectory, "dbt"));
        var models = new DbtRunner(project, Dialect).CompileModels();

        foreach (var model in models)
        {
            var sql = Comments().Replace(model.Sql, "");
            Assert.DoesNotMatch(NonPortable(), sql);
            Assert.DoesNotContain("{{", sql, StringComparison.Ordinal);
            Assert.DoesNotContain("{%", sql, StringComparison.Ordinal);
        }

        var sentiment = models.Single(m => m.Name == "video_sentiment_score").Sql;
        Assert.Contains("from [dbo].[stg_comments]", sentiment, StringComparison.Ordinal);
        Assert.Contains("(mean_probability_positive - mean_probability_negative) * 100.0E0 as sentiment_score", sentiment, StringComparison.Ordinal);
        Assert.Contains("from [dbo].[fact_comment]", models.Single(m => m.Name == "stg_comments").Sql, StringComparison.Ordinal);
        var topics = models.Single(m => m.Name == "top_topics_daily").Sql;
        Assert.Contains("from [dbo].[stg_topics]", topics, StringComparison.Ordinal);
        Assert.Contains("left join topics as p on p.topic_id = t.topic_id and p.topic_date = t.previous_date", topics, StringComparison.Ordinal);
    }

    /// <summary>What DuckDB accepts and T-SQL does not (or the reverse), kept out of the models.</summary>
    [GeneratedRegex(@"::|\bqualify\b|\bfilter\s*\(|\bdate_trunc\b|\|\||\blimit\b|\bilike\b|\btop\s*\(?\d|\bisnull\b|\biif\b|\bgetdate\b|\bstring_split\b|\bunnest\b|\blen\s*\(|\blength\s*\(|\bcreate\s+or\s+replace\b|\btrue\b|\bfalse\b|""", RegexOptions.IgnoreCase)]
    private static partial Regex NonPortable();

    [GeneratedRegex(@"--[^\n]*")]
    private static partial Regex Comments();
}
