namespace Insights.Warehouse.Tests;

using System.Globalization;
using DuckDB.NET.Data;
using Insights.Lake.Records;
using Insights.Lake.Writing;
using Parquet.Serialization;

/// <summary>
/// The lake's Parquet layout changed (INT64 microsecond timestamps and dictionary-encoded strings, where files
/// written before have INT96 timestamps and plain strings): a lake holding both loads, with the same values.
/// </summary>
public sealed class ParquetLayoutLoadTests
{
    [Fact]
    public async Task Files_of_the_old_int96_layout_and_the_new_one_load_side_by_side_with_the_same_times()
    {
        var lake = await ProcessedLake.Shared;
        using var work = lake.Copy();
        var commentFiles = lake.Files.Where(f => f.StartsWith("comments/", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();
        var oldFiles = commentFiles.Where((_, i) => i % 2 == 0).ToList();
        Assert.NotEmpty(oldFiles);
        Assert.True(commentFiles.Count > oldFiles.Count);
        foreach (var path in oldFiles)
        {
            // Rewritten as the lake wrote them before: Parquet.Net's serializer, INT96 timestamps, plain strings.
            var rows = await ParquetFormat<CommentRow>.ReadAsync((await work.Processed.ReadAsync(path))!);
            var old = new MemoryStream();
            await ParquetSerializer.SerializeAsync(rows, old);
            await work.Processed.WriteAsync(path, old.ToArray());
        }

        await using var h = new Harness(work);
        var (result, _) = await h.Warehouse.LoadAsync();

        Assert.Empty(result.Failures);
        Assert.Equal(lake.Comments.Count, await h.CountAsync("SELECT COUNT(*) FROM fact_comment"));
        var loaded = (await h.Warehouse.QueryAsync("SELECT comment_id, create_time, ingested_at, sentiment_label, language, video_id FROM fact_comment"))
            .Rows.ToDictionary(r => (string)r[0]!);
        foreach (var comment in lake.Comments)
        {
            var row = loaded[comment.CommentId];
            Assert.Equal(Micros(comment.CreateTime), (DateTime)row[1]!);
            Assert.Equal(Micros(comment.IngestedAt), (DateTime)row[2]!);
            Assert.Equal((comment.SentimentLabel, comment.Language, comment.VideoId), ((string)row[3]!, (string)row[4]!, (string)row[5]!));
        }

        Assert.Equal(oldFiles.Count, await h.CountAsync(
            $"SELECT COUNT(DISTINCT source_file) FROM fact_comment WHERE source_file IN ({string.Join(", ", oldFiles.Select(f => $"'{f}'"))})"));
    }

    [Fact]
    public async Task DuckDB_reads_the_new_timestamps_as_plain_timestamps_whatever_its_time_zone()
    {
        var lake = await ProcessedLake.Shared;
        var path = Path.Combine(lake.Root, "processed", lake.Files.First(f => f.StartsWith("comments/", StringComparison.Ordinal)));
        var comment = (await ParquetFormat<CommentRow>.ReadAsync(await File.ReadAllBytesAsync(path)))[0];

        await using var connection = new DuckDBConnection("Data Source=:memory:");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        // A timestamp with time zone would shift by the session's zone when cast to the warehouse's TIMESTAMP columns.
        command.CommandText = "SET TimeZone = 'America/New_York'";
        await command.ExecuteNonQueryAsync();
        command.CommandText = string.Create(CultureInfo.InvariantCulture,
            $"SELECT typeof(create_time), typeof(ingested_at), CAST(create_time AS TIMESTAMP) FROM read_parquet('{path}') WHERE comment_id = '{comment.CommentId}'");
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        Assert.Equal(("TIMESTAMP", "TIMESTAMP"), (reader.GetString(0), reader.GetString(1)));
        Assert.Equal(Micros(comment.CreateTime), reader.GetDateTime(2));
    }

    private static DateTime Micros(DateTime time) => new(time.Ticks - time.Ticks % 10);
}
