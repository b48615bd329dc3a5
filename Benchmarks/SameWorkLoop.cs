namespace Insights.Benchmarks;

using System.Diagnostics;
using Insights.Events;
using Insights.Grains.Domain;
using Insights.Sentiment;
using Insights.Wire;

/// <summary>
/// The baseline the pipeline is measured against: the same work with no Orleans, no streams and no grains. The same
/// parser, the same analyzer (one batch call per video's claimed comments, as a grain makes) and
/// <see cref="VideoAggregate"/> itself for every video in a dictionary. On one thread, and on one thread per core with
/// the input partitioned by video as a hub partitions it, so that no video is shared between threads and nothing is
/// locked: the machine's limit for this work.
/// </summary>
public static class SameWorkLoop
{
    /// <summary>The run's figures; Parse, Score and Fold are thread-seconds summed over threads (where the time goes).</summary>
    public sealed record Result(int Threads, double Seconds, long Counted, double Parse, double Score, double Fold);

    private readonly record struct Tally(long Counted, long ParseTicks, long ScoreTicks, long FoldTicks);

    /// <summary>Runs one thread per partition (each partition's batches hold only that partition's videos).</summary>
    public static Result Run(IReadOnlyList<IReadOnlyList<byte[]>> partitions, ISentimentAnalyzer analyzer, VideoOptions options)
    {
        var tallies = new Tally[partitions.Count];
        using var start = new Barrier(partitions.Count + 1);
        var threads = partitions.Select((batches, i) => new Thread(() =>
        {
            start.SignalAndWait();
            tallies[i] = RunPartition(batches, analyzer, options);
        })
        { IsBackground = true, Name = $"same-work-{i}" }).ToList();
        threads.ForEach(t => t.Start());
        start.SignalAndWait();
        var watch = Stopwatch.StartNew();
        threads.ForEach(t => t.Join());
        var seconds = watch.Elapsed.TotalSeconds;
        double S(Func<Tally, long> ticks) => tallies.Sum(ticks) / (double)Stopwatch.Frequency;
        return new Result(partitions.Count, seconds, tallies.Sum(t => t.Counted), S(t => t.ParseTicks), S(t => t.ScoreTicks), S(t => t.FoldTicks));
    }

    private static Tally RunPartition(IReadOnlyList<byte[]> batches, ISentimentAnalyzer analyzer, VideoOptions options)
    {
        var parser = new WireBatchParser(new IngestLimits(), TimeProvider.System);
        var videos = new Dictionary<string, VideoAggregate>(StringComparer.Ordinal);
        var claimed = new Dictionary<string, List<CommentPosted>>(StringComparer.Ordinal);
        var texts = new List<string>();
        long parseTicks = 0, scoreTicks = 0, foldTicks = 0;
        foreach (var batch in batches)
        {
            var t0 = Stopwatch.GetTimestamp();
            foreach (var item in parser.Parse(batch, DateTimeOffset.UtcNow, PipelineRun.ParseDepth, int.MaxValue).Items)
            {
                if (item.Result.Event is not CommentPosted comment)
                {
                    throw new InvalidOperationException("generated comments are always valid");
                }

                if (!videos.TryGetValue(comment.VideoId, out var video))
                {
                    videos[comment.VideoId] = video = new VideoAggregate(comment.VideoId, new VideoState(), options);
                }

                if (video.TryClaim(comment))
                {
                    if (!claimed.TryGetValue(comment.VideoId, out var list))
                    {
                        claimed[comment.VideoId] = list = [];
                    }

                    list.Add(comment);
                }
            }

            var t1 = Stopwatch.GetTimestamp();
            parseTicks += t1 - t0;
            var now = DateTimeOffset.UtcNow;
            foreach (var (videoId, comments) in claimed)
            {
                if (comments.Count == 0)
                {
                    continue;
                }

                texts.Clear();
                foreach (var comment in comments)
                {
                    texts.Add(comment.Text);
                }

                var t2 = Stopwatch.GetTimestamp();
                var scores = analyzer.AnalyzeAsync(texts).GetAwaiter().GetResult();
                var t3 = Stopwatch.GetTimestamp();
                var video = videos[videoId];
                for (var i = 0; i < comments.Count; i++)
                {
                    video.ApplyComment(comments[i], scores[i], now);
                }

                comments.Clear();
                scoreTicks += t3 - t2;
                foldTicks += Stopwatch.GetTimestamp() - t3;
            }
        }

        // Claiming (dedup) happens while parsing; it is counted there.
        var counted = videos.Values.Sum(v => v.ToSummary(DateTimeOffset.UtcNow).Totals.Comments);
        return new Tally(counted, parseTicks, scoreTicks, foldTicks);
    }
}
