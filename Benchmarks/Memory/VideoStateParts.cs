namespace Insights.Benchmarks.Memory;

using System.Text.Json;
using Insights.Events;
using Insights.Grains.Domain;
using Insights.Sentiment;
using Insights.Wire;

/// <summary>
/// Heap held by each part of <see cref="VideoState"/>, without a silo: the workload's comments are folded into one
/// plain <see cref="VideoAggregate"/> per video, then the parts are dropped one at a time from every state and the
/// heap measured after each drop; the difference, divided by the videos, is the part's bytes per video.
/// </summary>
internal static class VideoStateParts
{
    public sealed record Part(string Name, double BytesPerVideo);

    public static async Task<IReadOnlyList<Part>> MeasureAsync(Workload workload, DateTimeOffset now, VideoOptions options)
    {
        var states = await FoldAsync(workload, options, now);
        var parts = new List<Part>();
        var before = Heap();
        foreach (var (name, drop) in Drops)
        {
            foreach (var state in states.Values)
            {
                drop(state);
            }

            var after = Heap();
            parts.Add(new Part(name, (before - after) / (double)states.Count));
            before = after;
        }

        var count = states.Count;
        states.Clear();
        states = null;
        var empty = Heap();
        parts.Add(new Part("state object, counters, video info", (before - empty) / (double)count));
        return parts;
    }

    private static readonly (string Name, Action<VideoState> Drop)[] Drops =
    [
        ("comment ids (de-duplication)", s => s.SeenComments = null),
        ("top terms", s => s.Terms = null),
        ("top hashtags", s => s.Hashtags = null),
        ("recent comments", s => s.Recent = null),
        ("rolling windows", s => s.Windows = []),
    ];

    /// <summary>As the grains do: per video and batch, load the archive segments, claim, and merge what is due.</summary>
    private static async Task<Dictionary<string, VideoState>> FoldAsync(Workload workload, VideoOptions options, DateTimeOffset now)
    {
        var parser = new WireEventParser(new IngestLimits(), TimeProvider.System);
        var analyzer = new LexiconSentimentAnalyzer();
        var states = new Dictionary<string, VideoState>(StringComparer.Ordinal);
        var videos = new Dictionary<string, (VideoAggregate Aggregate, HeapArchive Archive)>(StringComparer.Ordinal);
        foreach (var batch in workload.Batches)
        {
            var comments = new List<CommentPosted>();
            using (var doc = JsonDocument.Parse(batch))
            {
                foreach (var element in doc.RootElement.EnumerateArray())
                {
                    if (parser.Parse(element, now).Event is CommentPosted comment)
                    {
                        comments.Add(comment);
                    }
                }
            }

            foreach (var group in comments.GroupBy(c => c.VideoId))
            {
                if (!videos.TryGetValue(group.Key, out var video))
                {
                    var state = new VideoState();
                    states[group.Key] = state;
                    videos[group.Key] = video = (new VideoAggregate(group.Key, state, options), new HeapArchive());
                }

                await video.Aggregate.PrepareClaimsAsync(group, video.Archive);
                foreach (var comment in group)
                {
                    if (video.Aggregate.TryClaim(comment))
                    {
                        video.Aggregate.ApplyComment(comment, analyzer.Analyze(comment.Text), now);
                    }
                }

                if (video.Aggregate.CommentIds.MergeDue)
                {
                    await video.Aggregate.CommentIds.MergePendingAsync(video.Archive);
                }

                video.Aggregate.CommentIds.ReleaseLoaded();
            }
        }

        // The archives stand for grain storage: not part of the heap a grain holds.
        videos.Clear();
        return states;
    }

    private sealed class HeapArchive : ICommentIdArchive
    {
        private readonly Dictionary<int, SortedCommentKeys> _segments = [];

        public Task<SortedCommentKeys> ReadAsync(int bucket) => Task.FromResult(_segments.GetValueOrDefault(bucket) ?? new SortedCommentKeys());

        public Task WriteAsync(int bucket, SortedCommentKeys keys)
        {
            _segments[bucket] = keys;
            return Task.CompletedTask;
        }
    }

    public static long Heap()
    {
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        return GC.GetTotalMemory(forceFullCollection: true);
    }
}
