namespace Insights.Warehouse.Tests;

using Insights.Warehouse.Modeling;
using Insights.Warehouse.Schema;
using Insights.Warehouse.Targets;

/// <summary>
/// A fact that runs only against a real Synapse dedicated SQL pool: set <c>INSIGHTS_SYNAPSE_CONNECTION</c> to its
/// connection string (and <c>INSIGHTS_SYNAPSE_AUTHENTICATION=EntraId</c> to sign in with DefaultAzureCredential).
/// xunit 2 has no dynamic skip, so the attribute decides when it is constructed.
/// </summary>
public sealed class SynapseFactAttribute : FactAttribute
{
    public const string ConnectionVariable = "INSIGHTS_SYNAPSE_CONNECTION";

    public SynapseFactAttribute()
    {
        if (string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(ConnectionVariable)))
        {
            Skip = $"{ConnectionVariable} is not set: no Synapse dedicated SQL pool to run against";
        }
    }
}

public sealed class SynapseLiveTests
{
    [SynapseFact]
    public async Task Schema_manifest_models_and_dbt_tests_run_on_a_dedicated_pool()
    {
        var options = new SynapseOptions
        {
            ConnectionString = Environment.GetEnvironmentVariable(SynapseFactAttribute.ConnectionVariable),
            Authentication = Environment.GetEnvironmentVariable("INSIGHTS_SYNAPSE_AUTHENTICATION") ?? SynapseOptions.ConnectionStringAuthentication,
            Schema = "insights_test_" + Guid.NewGuid().ToString("N")[..12],
        };
        await using var target = new SynapseWarehouseTarget(options);
        var d = target.Dialect;
        var runner = new DbtRunner(DbtProject.Load(Path.Combine(AppContext.BaseDirectory, "dbt")), d);
        try
        {
            await target.EnsureSchemaAsync();
            await target.EnsureSchemaAsync(); // idempotent

            // Rows as a loaded file would leave them, in one transaction with their manifest entry.
            const string file = "comments/date=2026-11-24/hour=05/part-1.parquet";
            const string dims = "dim_videos/dim_videos.parquet";
            string[] topicFiles = ["topics/date=2026-11-23/topics.parquet", "topics/date=2026-11-24/topics.parquet"];
            await using (var tx = await target.BeginAsync())
            {
                await tx.WriteManifestAsync([
                    new ManifestEntry(file, "comments", 10, ManifestEntry.Normalize(DateTime.UtcNow), 2, ManifestEntry.Normalize(DateTime.UtcNow)),
                    new ManifestEntry(dims, "dim_videos", 10, ManifestEntry.Normalize(DateTime.UtcNow), 1, ManifestEntry.Normalize(DateTime.UtcNow)),
                    .. topicFiles.Select(f => new ManifestEntry(f, "topics", 10, ManifestEntry.Normalize(DateTime.UtcNow), 1, ManifestEntry.Normalize(DateTime.UtcNow))),
                ]);
                await tx.CommitAsync();
            }

            await target.ExecuteAsync([
                $"INSERT INTO {d.Relation("dim_creator")} (username, video_count, first_video_time, last_video_time, updated_at, source_file, loaded_at) "
                + "SELECT N'chef', 1, '2026-11-24T01:00:00', '2026-11-24T01:00:00', '2026-11-24T01:00:00', N'dim_creators/dim_creators.parquet', SYSUTCDATETIME()",
                $"INSERT INTO {d.Relation("dim_video")} (video_id, username, create_time, hashtag_names, duration, updated_at, create_date, source_file, loaded_at) "
                + $"SELECT N'v1', N'chef', '2026-11-24T01:00:00', N'food,fyp', 30, '2026-11-24T01:00:00', '2026-11-24', N'{dims}', SYSUTCDATETIME()",
                $"INSERT INTO {d.Relation("dim_video_hashtag")} (video_id, hashtag, source_file, loaded_at) SELECT N'v1', N'food', N'{dims}', SYSUTCDATETIME()",
                .. new[] { ("c1", "positive", 0.9, 0.05), ("c2", "negative", 0.1, 0.8) }.Select(c =>
                    $"INSERT INTO {d.Relation("fact_comment")} (comment_id, video_id, username, text, like_count, reply_count, create_time, ingested_at, "
                    + "sentiment_label, sentiment_score, probability_positive, probability_neutral, probability_negative, analyzer, create_hour, create_date, source_file, loaded_at) "
                    + $"SELECT N'{c.Item1}', N'v1', N'fan', N'text', 0, 0, '2026-11-24T05:10:00', '2026-11-24T05:10:01', N'{c.Item2}', 0.5, {c.Item3}, 0.05, {c.Item4}, N'test', "
                    + $"'2026-11-24T05:00:00', '2026-11-24', N'{file}', SYSUTCDATETIME()"),
                .. new[] { ("2026-11-23", "2026-11-22", 10, topicFiles[0]), ("2026-11-24", "2026-11-23", 15, topicFiles[1]) }.Select(t =>
                    $"INSERT INTO {d.Relation("topics_daily")} (date, topic_id, label, terms, comments, videos, positive, neutral, negative, mean_score, "
                    + "sentiment_score, previous_comments, model, built_at, topic_date, previous_date, source_file, loaded_at) "
                    + $"SELECT '{t.Item1}T00:00:00', N't1', N'shipping delays', N'shipping, delay', {t.Item3}, 1, 5, 3, 2, 0.1, 12.5, NULL, N'test', "
                    + $"SYSUTCDATETIME(), '{t.Item1}', '{t.Item2}', N'{t.Item4}', SYSUTCDATETIME()"),
            ]);
            await using (var tx = await target.BeginAsync())
            {
                Assert.Equal(2, await tx.ExtendDateDimensionAsync()); // the comments' day and the topics' day before it
                await tx.CommitAsync();
            }

            Assert.Equal(4, (await target.ReadManifestAsync()).Count);
            var result = await runner.RunAsync(target);
            Assert.All(result.Tests, t => Assert.True(t.Status == DbtTestStatus.Pass, $"{t.Name}: {t.Status} {t.Failures} {t.Error}"));
            var score = await target.QueryAsync(
                $"SELECT sentiment_score FROM {d.Relation("video_sentiment_score")} WHERE video_id = {d.Parameter("v")} AND grain = 'day'",
                new Dictionary<string, object?> { ["v"] = "v1" });
            Assert.Equal(((0.9 + 0.1) / 2 - (0.05 + 0.8) / 2) * 100, (double)score.Rows.Single()[0]!, 1e-9);
            var topic = await target.QueryAsync(
                $"SELECT topic_rank, previous_comments, change, change_pct FROM {d.Relation("top_topics_daily")} WHERE topic_date = '2026-11-24'");
            Assert.Single(topic.Rows);
            Assert.Equal((1L, 10L, 5L, 50.0), (topic.Value<long>(0, "topic_rank"), topic.Value<long>(0, "previous_comments"), topic.Value<long>(0, "change"), topic.Value<double>(0, "change_pct")));

            // Removing the file's rows is one transaction with its manifest entry.
            await using (var tx = await target.BeginAsync())
            {
                Assert.Equal(2, await tx.DeleteFilesRowsAsync(WarehouseSchema.Comments, [file]));
                await tx.DeleteManifestAsync([file]);
                await tx.CommitAsync();
            }

            Assert.Equal(3, (await target.ReadManifestAsync()).Count);
        }
        finally
        {
            foreach (var model in runner.CompileModels().Reverse())
            {
                await target.ExecuteAsync(d.DropViewIfExists(model.Name));
            }

            foreach (var table in WarehouseSchema.Tables)
            {
                await target.ExecuteAsync([$"IF OBJECT_ID(N'{d.Schema}.{table.Name}', N'U') IS NOT NULL DROP TABLE {d.Relation(table.Name)}"]);
            }

            await target.ExecuteAsync([$"DROP SCHEMA [{d.Schema}]"]);
        }
    }
}
