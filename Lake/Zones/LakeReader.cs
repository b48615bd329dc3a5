namespace Insights.Lake.Zones;

using System.Globalization;
using System.Runtime.CompilerServices;
using Insights.Lake.Records;
using Insights.Lake.Writing;

/// <summary>Reads the zones back: for replay, tests and anyone browsing the lake from code.</summary>
public sealed class LakeReader(ILakeStore lake)
{
    /// <summary>Raw records of the given datasets whose ingest hour lies in [from, to), in file order.</summary>
    public async IAsyncEnumerable<RawEventRecord> ReadRawAsync(
        DateTimeOffset? from = null, DateTimeOffset? to = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var zone = lake.Zone(LakeZone.Raw);
        await foreach (var file in zone.ListAsync("", cancellationToken))
        {
            if (!file.Path.EndsWith(".jsonl.gz", StringComparison.Ordinal) || !InRange(file.Path, from, to))
            {
                continue;
            }

            var bytes = await zone.ReadAsync(file.Path, cancellationToken);
            if (bytes is null)
            {
                continue;
            }

            await foreach (var record in JsonLinesGzipFormat<RawEventRecord>.ReadAsync(bytes, LakeJsonContext.Default.RawEventRecord))
            {
                yield return record;
            }
        }
    }

    public async Task<List<QuarantineRecord>> ReadQuarantineAsync(CancellationToken cancellationToken = default)
    {
        var zone = lake.Zone(LakeZone.Quarantine);
        var records = new List<QuarantineRecord>();
        await foreach (var file in zone.ListAsync("", cancellationToken))
        {
            if (await zone.ReadAsync(file.Path, cancellationToken) is { } bytes)
            {
                await foreach (var r in JsonLinesGzipFormat<QuarantineRecord>.ReadAsync(bytes, LakeJsonContext.Default.QuarantineRecord))
                {
                    records.Add(r);
                }
            }
        }

        return records;
    }

    public Task<List<CommentRow>> ReadCommentsAsync(CancellationToken cancellationToken = default) =>
        ReadParquetAsync<CommentRow>(ProcessedZoneWriter.CommentsDataset + "/", cancellationToken);

    public Task<List<VideoSnapshotRow>> ReadSnapshotsAsync(CancellationToken cancellationToken = default) =>
        ReadParquetAsync<VideoSnapshotRow>(ProcessedZoneWriter.SnapshotsDataset + "/", cancellationToken);

    public async Task<List<TRow>> ReadParquetAsync<TRow>(string prefix, CancellationToken cancellationToken = default)
        where TRow : class, new()
    {
        var zone = lake.Zone(LakeZone.Processed);
        var rows = new List<TRow>();
        await foreach (var file in zone.ListAsync(prefix, cancellationToken))
        {
            if (file.Path.EndsWith(".parquet", StringComparison.Ordinal) && await zone.ReadAsync(file.Path, cancellationToken) is { } bytes)
            {
                rows.AddRange(await ParquetFormat<TRow>.ReadAsync(bytes, cancellationToken));
            }
        }

        return rows;
    }

    /// <summary>The hour a partitioned path names (<c>.../date=YYYY-MM-DD/hour=HH/...</c>), if it names one.</summary>
    public static DateTimeOffset? HourOf(string path)
    {
        var date = Segment(path, "date=");
        var hour = Segment(path, "hour=");
        return date is not null && hour is not null
            && DateTimeOffset.TryParseExact($"{date}T{hour}", "yyyy-MM-dd'T'HH", CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var t)
            ? t
            : null;
    }

    private static bool InRange(string path, DateTimeOffset? from, DateTimeOffset? to)
    {
        if (from is null && to is null)
        {
            return true;
        }

        var hour = HourOf(path);
        return hour is not null
            && (from is null || hour.Value.AddHours(1) > from.Value)
            && (to is null || hour.Value < to.Value);
    }

    private static string? Segment(string path, string key)
    {
        foreach (var part in path.Split('/'))
        {
            if (part.StartsWith(key, StringComparison.Ordinal))
            {
                return part[key.Length..];
            }
        }

        return null;
    }
}
