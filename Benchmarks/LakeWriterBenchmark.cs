namespace Insights.Benchmarks;

using System.Diagnostics;
using System.Text.Json;
using Insights.Lake;
using Insights.Lake.Records;
using Insights.Lake.Writing;
using Microsoft.Extensions.Logging.Abstractions;

/// <summary>
/// How many events per second the raw (gzip JSON Lines) and processed (Parquet) writers sustain on a given store,
/// from adding rows to the last file being written, with the production file size.
/// </summary>
public static class LakeWriterBenchmark
{
    public sealed record Result(string Writer, string Store, int Rows, double Seconds, long Bytes, int Files)
    {
        public double RowsPerSecond => Rows / Seconds;
    }

    public static List<RawEventRecord> RawRecords(Workload workload, int max)
    {
        var records = new List<RawEventRecord>(max);
        var now = DateTimeOffset.UtcNow;
        foreach (var batch in workload.Batches)
        {
            using var doc = JsonDocument.Parse(batch);
            var i = 0;
            foreach (var element in doc.RootElement.EnumerateArray())
            {
                records.Add(new RawEventRecord { ReceivedAt = now, Source = "bench", BatchId = "b", Index = i++, Type = "comment", Event = RawJson.From(element) });
                if (records.Count == max)
                {
                    return records;
                }
            }
        }

        return records;
    }

    public static List<CommentRow> CommentRows(IReadOnlyList<RawEventRecord> raw)
    {
        var now = DateTime.UtcNow;
        return raw.Select((r, i) => new CommentRow
        {
            CommentId = "c" + i,
            VideoId = "v" + (i % 1000),
            Username = "user" + (i % 5000),
            Text = r.Event.Text.Length > 80 ? r.Event.Text[..80] : r.Event.Text,
            CreateTime = now,
            IngestedAt = now,
            SentimentLabel = (i % 3) switch { 0 => "positive", 1 => "neutral", _ => "negative" },
            SentimentScore = 0.5,
            ProbabilityPositive = 0.6,
            ProbabilityNeutral = 0.3,
            ProbabilityNegative = 0.1,
            Analyzer = "lexicon/1",
        }).ToList();
    }

    public static async Task<Result> RunAsync<TRow>(string writer, string storeName, IBlobStore store, IFileFormat<TRow> format, IReadOnlyList<TRow> rows)
    {
        var options = new LakeWriterOptions { MaxBufferedRows = rows.Count + 1 };
        await using var zone = new ZoneWriter<TRow>(writer, store, format, _ => ("bench", DateTimeOffset.UtcNow), options, TimeProvider.System, NullLogger.Instance);
        var watch = Stopwatch.StartNew();
        foreach (var chunk in rows.Chunk(500))
        {
            await zone.AddAsync(chunk);
        }

        await zone.FlushAsync();
        var seconds = watch.Elapsed.TotalSeconds;
        long bytes = 0;
        var files = 0;
        await foreach (var f in store.ListAsync("bench/"))
        {
            bytes += f.Size;
            files++;
        }

        return new Result(writer, storeName, rows.Count, seconds, bytes, files);
    }
}
