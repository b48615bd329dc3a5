namespace Insights.Tools.Replay;

using System.Text.Json;
using Insights.Events;
using Insights.Grains.Domain;
using Insights.Grains.Videos;
using Insights.Lake;
using Insights.Lake.Records;
using Insights.Lake.Writing;
using Insights.Lake.Zones;
using Insights.Sentiment;
using Insights.Wire;

/// <summary>
/// Rebuilds the processed zone's comments and video snapshots for the ingest hours [From, To) from the raw zone.
/// It reads the raw zone from its start up to To, so every video's state and every comment id seen before the range
/// are known (deduplication and snapshots are then exactly what the grains would have produced), and writes only the
/// hours of the range: one file per hour partition with a fixed name, after removing the partition's other files.
/// The same input gives the same files, so running it twice changes nothing.
/// </summary>
public sealed class ReplayJob(ILakeStore lake, ISentimentAnalyzer analyzer, VideoOptions videoOptions)
{
    public const string FileName = "replay.parquet";
    private static readonly TimeSpan SnapshotEvery = TimeSpan.FromMinutes(1);

    public sealed record Result(DateTimeOffset From, DateTimeOffset To, string Analyzer, long RawEvents, long Comments, long Duplicates, long Snapshots, int Partitions, long Invalid);

    public async Task<Result> RunAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default)
    {
        from = FloorHour(from);
        to = FloorHour(to.AddTicks(TimeSpan.TicksPerHour - 1));
        // Events were validated when received; only their shape matters now, not how old they are.
        var parser = new WireEventParser(new IngestLimits { MaxFutureSkew = TimeSpan.FromDays(3650) }, TimeProvider.System);
        var videos = new Dictionary<string, (VideoAggregate Aggregate, long SnapshotVersion)>(StringComparer.Ordinal);
        var comments = new SortedDictionary<DateTimeOffset, List<CommentRow>>();
        var snapshots = new SortedDictionary<DateTimeOffset, List<VideoSnapshotRow>>();
        long rawEvents = 0, duplicates = 0, invalid = 0;
        DateTimeOffset? minute = null;

        var records = new List<RawEventRecord>();
        await foreach (var record in new LakeReader(lake).ReadRawAsync(null, to, cancellationToken))
        {
            records.Add(record);
        }

        // Ingest order, as the grains saw it; ties broken by request and position so the order is total.
        records.Sort((a, b) =>
        {
            var c = a.ReceivedAt.CompareTo(b.ReceivedAt);
            c = c != 0 ? c : string.CompareOrdinal(a.BatchId, b.BatchId);
            return c != 0 ? c : a.Index.CompareTo(b.Index);
        });

        foreach (var record in records)
        {
            if (record.ReceivedAt >= to)
            {
                break;
            }

            var recordMinute = FloorMinute(record.ReceivedAt);
            if (minute is { } m && recordMinute > m)
            {
                TakeSnapshots(videos, m + SnapshotEvery, from, snapshots);
            }

            minute = recordMinute;
            rawEvents++;
            using var doc = JsonDocument.Parse(record.Event.Text);
            var e = parser.Parse(doc.RootElement, record.ReceivedAt).Event;
            if (e is null)
            {
                invalid++;
                continue;
            }

            if (!videos.TryGetValue(e.VideoId, out var video))
            {
                videos[e.VideoId] = video = (new VideoAggregate(e.VideoId, new VideoState(), AllIdsInHeap(videoOptions)), 0);
            }

            var now = record.ReceivedAt;
            switch (e)
            {
                case CommentPosted c when video.Aggregate.TryClaim(c):
                    var score = (await analyzer.AnalyzeAsync([c.Text], cancellationToken))[0];
                    video.Aggregate.ApplyComment(c, score, now);
                    if (record.ReceivedAt >= from)
                    {
                        Add(comments, FloorHour(record.ReceivedAt), LakeRows.Comment(c, score));
                    }

                    break;
                case CommentPosted:
                    duplicates++;
                    break;
                case EngagementObserved o:
                    video.Aggregate.ApplyEngagement(o, now);
                    break;
                case VideoPublished v:
                    video.Aggregate.ApplyVideo(v);
                    break;
            }
        }

        if (minute is { } last)
        {
            TakeSnapshots(videos, last + SnapshotEvery, from, snapshots);
        }

        var partitions = await ReplaceHoursAsync(ProcessedZoneWriter.CommentsDataset, from, to, comments, new ParquetFormat<CommentRow>(), cancellationToken)
            + await ReplaceHoursAsync(ProcessedZoneWriter.SnapshotsDataset, from, to, snapshots, new ParquetFormat<VideoSnapshotRow>(), cancellationToken);
        var result = new Result(from, to, analyzer.Name, rawEvents, comments.Values.Sum(c => c.Count), duplicates,
            snapshots.Values.Sum(s => s.Count), partitions, invalid);
        await lake.Zone(LakeZone.Processed).WriteAsync(
            $"_replays/replay-{from:yyyyMMdd'T'HH}-{to:yyyyMMdd'T'HH}.json",
            JsonSerializer.SerializeToUtf8Bytes(new { result.From, result.To, result.Analyzer, result.RawEvents, result.Comments, result.Duplicates, result.Snapshots, result.Invalid, RanAt = DateTimeOffset.UtcNow }),
            cancellationToken);
        return result;
    }

    /// <summary>A snapshot of every video that changed since its last one, stamped at the end of the minute.</summary>
    private static void TakeSnapshots(
        Dictionary<string, (VideoAggregate Aggregate, long SnapshotVersion)> videos, DateTimeOffset at, DateTimeOffset from,
        SortedDictionary<DateTimeOffset, List<VideoSnapshotRow>> snapshots)
    {
        foreach (var (id, video) in videos.OrderBy(v => v.Key, StringComparer.Ordinal))
        {
            if (video.Aggregate.Version == video.SnapshotVersion)
            {
                continue;
            }

            videos[id] = (video.Aggregate, video.Aggregate.Version);
            if (at > from)
            {
                Add(snapshots, FloorHour(at.AddTicks(-1)), LakeRows.Snapshot(video.Aggregate.ToStats(at), video.Aggregate.Version, at));
            }
        }
    }

    /// <summary>
    /// Every hour of the range that has rows gets exactly one file and nothing else; hours of the range without rows
    /// lose whatever files they had. Only hours that exist are visited, so a range from the epoch costs nothing extra.
    /// </summary>
    private async Task<int> ReplaceHoursAsync<TRow>(
        string dataset, DateTimeOffset from, DateTimeOffset to, SortedDictionary<DateTimeOffset, List<TRow>> rowsByHour,
        IFileFormat<TRow> format, CancellationToken cancellationToken)
    {
        var zone = lake.Zone(LakeZone.Processed);
        var existing = new List<string>();
        await foreach (var file in zone.ListAsync(dataset + "/", cancellationToken))
        {
            if (LakeReader.HourOf(file.Path) is { } hour && hour >= from && hour < to)
            {
                existing.Add(file.Path);
            }
        }

        var written = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (hour, rows) in rowsByHour)
        {
            if (hour < from || hour >= to || rows.Count == 0)
            {
                continue;
            }

            var target = $"{dataset}/date={hour:yyyy-MM-dd}/hour={hour:HH}/{FileName}";
            await zone.WriteAsync(target, await format.EncodeAsync(rows, cancellationToken), cancellationToken);
            written.Add(target);
        }

        foreach (var path in existing)
        {
            if (!written.Contains(path))
            {
                await zone.DeleteAsync(path, cancellationToken);
            }
        }

        return written.Count;
    }

    private static void Add<TRow>(SortedDictionary<DateTimeOffset, List<TRow>> byHour, DateTimeOffset hour, TRow row)
    {
        if (!byHour.TryGetValue(hour, out var list))
        {
            byHour[hour] = list = [];
        }

        list.Add(row);
    }

    private static DateTimeOffset FloorHour(DateTimeOffset t) => new(t.UtcTicks - (t.UtcTicks % TimeSpan.TicksPerHour), TimeSpan.Zero);

    /// <summary>
    /// Replay holds every video of the range in one process with no grain storage to archive to: every comment id
    /// stays in heap, which keeps de-duplication exact for as long as the run lasts.
    /// </summary>
    private static VideoOptions AllIdsInHeap(VideoOptions options) => new()
    {
        FlushInterval = options.FlushInterval,
        DedupCapacity = int.MaxValue,
        RecentComments = options.RecentComments,
        TopTerms = options.TopTerms,
        TermCapacity = options.TermCapacity,
    };

    private static DateTimeOffset FloorMinute(DateTimeOffset t) => new(t.UtcTicks - (t.UtcTicks % TimeSpan.TicksPerMinute), TimeSpan.Zero);
}
