namespace Insights.Topics.Building;

using System.Globalization;
using Insights.Lake;
using Insights.Lake.Records;
using Insights.Lake.Writing;
using Insights.Lake.Zones;
using Microsoft.Extensions.Logging;

/// <summary>
/// The comments of one UTC day: those the processed zone holds under <c>comments/date=D/</c>, which is partitioned by
/// ingest hour, so "the day" is the comments taken in that day. Deduplicated by comment id (a replayed hour may
/// hold a comment twice); a file that cannot be read is logged and skipped, never fatal.
/// </summary>
public sealed class DayComments
{
    private DayComments(IReadOnlyList<CommentRow> comments, IReadOnlyList<string> unreadable)
    {
        Comments = comments;
        UnreadableFiles = unreadable;
    }

    public IReadOnlyList<CommentRow> Comments { get; }

    public IReadOnlyList<string> UnreadableFiles { get; }

    public static string Prefix(DateOnly date) =>
        $"{ProcessedZoneWriter.CommentsDataset}/date={date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}/";

    /// <summary>The day's Parquet comment files, in path order.</summary>
    public static async Task<List<BlobFile>> ListAsync(ILakeStore lake, DateOnly date, CancellationToken cancellationToken)
    {
        var files = new List<BlobFile>();
        await foreach (var file in lake.Zone(LakeZone.Processed).ListAsync(Prefix(date), cancellationToken))
        {
            if (file.Path.EndsWith(".parquet", StringComparison.Ordinal))
            {
                files.Add(file);
            }
        }

        return files;
    }

    public static async Task<DayComments> ReadAsync(ILakeStore lake, IReadOnlyList<BlobFile> files, ILogger logger, CancellationToken cancellationToken)
    {
        var zone = lake.Zone(LakeZone.Processed);
        var byId = new Dictionary<string, CommentRow>(StringComparer.Ordinal);
        var unreadable = new List<string>();
        foreach (var file in files)
        {
            IList<CommentRow> rows;
            try
            {
                rows = await zone.ReadAsync(file.Path, cancellationToken) is { } bytes
                    ? await ParquetFormat<CommentRow>.ReadAsync(bytes, cancellationToken)
                    : [];
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Topics: comment file {Path} cannot be read; skipped", file.Path);
                unreadable.Add(file.Path);
                continue;
            }

            foreach (var row in rows)
            {
                // The first seen wins: files are read in path order, so the choice is the same on every build.
                byId.TryAdd(row.CommentId, row);
            }
        }

        var comments = byId.Values.OrderBy(c => c.CommentId, StringComparer.Ordinal).ToList();
        return new DayComments(comments, unreadable);
    }
}
