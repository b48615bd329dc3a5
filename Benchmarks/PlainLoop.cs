namespace Insights.Benchmarks;

using System.Diagnostics;
using System.Text.Json;
using Insights.Events;
using Insights.Sentiment;
using Insights.Wire;

/// <summary>
/// The baseline: the same work with no Orleans, no streams, no grains, on one thread. Parse each batch, score each
/// new comment, and aggregate per video in a dictionary.
/// </summary>
public static class PlainLoop
{
    public sealed record Result(double Seconds, double ParseSeconds, double ScoreSeconds, double AggregateSeconds, long Counted);

    private sealed class Tally
    {
        public long Comments;
        public long Positive;
        public long Negative;
        public double PositiveProbability;
        public double NegativeProbability;
    }

    public static Result Run(IReadOnlyList<byte[]> batches, LexiconSentimentAnalyzer analyzer)
    {
        var parser = new WireEventParser(new IngestLimits(), TimeProvider.System);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var videos = new Dictionary<string, Tally>(StringComparer.Ordinal);
        var parsed = new List<CommentPosted>(1024);
        long parseTicks = 0, scoreTicks = 0, aggregateTicks = 0;
        var total = Stopwatch.StartNew();
        foreach (var batch in batches)
        {
            var t0 = Stopwatch.GetTimestamp();
            parsed.Clear();
            using (var doc = JsonDocument.Parse(batch))
            {
                var now = DateTimeOffset.UtcNow;
                foreach (var element in doc.RootElement.EnumerateArray())
                {
                    if (parser.Parse(element, now).Event is CommentPosted c && seen.Add(c.CommentId))
                    {
                        parsed.Add(c);
                    }
                }
            }

            var t1 = Stopwatch.GetTimestamp();
            var scores = new SentimentResult[parsed.Count];
            for (var i = 0; i < parsed.Count; i++)
            {
                scores[i] = analyzer.Analyze(parsed[i].Text);
            }

            var t2 = Stopwatch.GetTimestamp();
            for (var i = 0; i < parsed.Count; i++)
            {
                if (!videos.TryGetValue(parsed[i].VideoId, out var tally))
                {
                    videos[parsed[i].VideoId] = tally = new Tally();
                }

                tally.Comments++;
                tally.Positive += scores[i].Label == SentimentLabel.Positive ? 1 : 0;
                tally.Negative += scores[i].Label == SentimentLabel.Negative ? 1 : 0;
                tally.PositiveProbability += scores[i].Positive;
                tally.NegativeProbability += scores[i].Negative;
            }

            var t3 = Stopwatch.GetTimestamp();
            parseTicks += t1 - t0;
            scoreTicks += t2 - t1;
            aggregateTicks += t3 - t2;
        }

        double S(long ticks) => (double)ticks / Stopwatch.Frequency;
        return new Result(total.Elapsed.TotalSeconds, S(parseTicks), S(scoreTicks), S(aggregateTicks), videos.Values.Sum(v => v.Comments));
    }
}
