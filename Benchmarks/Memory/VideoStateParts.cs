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

    public static IReadOnlyList<Part> Measure(Workload workload, DateTimeOffset now)
    {
        var options = new VideoOptions();
        var states = Fold(workload, options, now);
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

    private static Dictionary<string, VideoState> Fold(Workload workload, VideoOptions options, DateTimeOffset now)
    {
        var parser = new WireEventParser(new IngestLimits(), TimeProvider.System);
        var analyzer = new LexiconSentimentAnalyzer();
        var states = new Dictionary<string, VideoState>(StringComparer.Ordinal);
        var aggregates = new Dictionary<string, VideoAggregate>(StringComparer.Ordinal);
        foreach (var batch in workload.Batches)
        {
            using var doc = JsonDocument.Parse(batch);
            foreach (var element in doc.RootElement.EnumerateArray())
            {
                if (parser.Parse(element, now).Event is not CommentPosted comment)
                {
                    continue;
                }

                if (!aggregates.TryGetValue(comment.VideoId, out var video))
                {
                    var state = new VideoState();
                    states[comment.VideoId] = state;
                    aggregates[comment.VideoId] = video = new VideoAggregate(comment.VideoId, state, options);
                }

                if (video.TryClaim(comment))
                {
                    video.ApplyComment(comment, analyzer.Analyze(comment.Text), now);
                }
            }
        }

        return states;
    }

    public static long Heap()
    {
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        return GC.GetTotalMemory(forceFullCollection: true);
    }
}
