namespace Insights.Benchmarks;

using System.Diagnostics;
using Insights.Benchmarks.Reporting;
using Insights.Sentiment;
using Insights.Sentiment.Azure;
using Insights.Sentiment.Evaluation;
using Insights.Sentiment.Language;
using Insights.Testing;

/// <summary>
/// Sentiment alone: comments/s of the lexicon analyzer and of the learned model (the silo's default) on the shared
/// development texts (one thread, then every core), beside the published VADER and AFINN references, and the learned
/// model's memory; then the remote path as the silo runs it with
/// <c>AzureWithLocalFallback</c> (batcher -> circuit breaker -> Azure.Core pipeline -> HTTP) against a local stub of
/// analyze-text (<see cref="LanguageServiceStub"/>: every document neutral, requests counted but not kept), with many
/// concurrent callers like video grains: comments/s, requests and documents per request, and the latency each call
/// adds (p50/p99).
/// </summary>
public sealed class SentimentBenchmark : IBenchmarkSection
{
    public string Flag => "--sentiment";

    public Task RunAsync(BenchmarkContext context) => RunAsync(context.Output, context.Report, context.CancellationToken);

    /// <summary>Published single-threaded speeds on the same kind of machine (shared data README).</summary>
    private const string References = "VADER (Python) ≈30,000/s, AFINN-165 (Node) ≈250,000/s";

    public static async Task RunAsync(TextWriter output, BenchmarkReport report, CancellationToken cancellationToken = default)
    {
        var texts = LoadTexts(output);
        var local = new LexiconSentimentAnalyzer();
        output.WriteLine($"sentiment: {texts.Length:N0} texts, {texts.Average(t => t.Length):F0} characters on average, {Environment.ProcessorCount} cores");

        // What the silo scores comments with by default: each comment's language identified, the learned model for
        // the eight supported languages, a neutral set-aside score for the others; called in batches as a grain calls it.
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var learned = new LearnedSentimentAnalyzer();
        var identifier = new LanguageIdentifier();
        var production = new LanguageAwareSentimentAnalyzer(learned, identifier);
        var modelBytes = GC.GetTotalMemory(forceFullCollection: true) - before;
        var batches = texts.Chunk(GrainBatch).ToArray();
        var productionPath = Batched(production);
        var learnedPath = OneByOne(learned.Analyze);
        var lexiconPath = OneByOne(local.Analyze);

        // Warm-up (JIT, models), then each path in turn: one thread, its CPU time, every core.
        foreach (var path in new[] { productionPath, learnedPath, lexiconPath })
        {
            RunLocal(path, batches, TimeSpan.FromMilliseconds(300));
        }

        var single = RunLocal(productionPath, batches, TimeSpan.FromSeconds(2));
        var perCpuSecond = PerCpuSecond(productionPath, batches);
        var parallel = RunLocalOnAllCores(productionPath, batches, TimeSpan.FromSeconds(2));
        output.WriteLine($"production path ({production.Name}: language identification, then the learned model for {string.Join(", ", production.SupportedLanguages)})");
        output.WriteLine($"  one thread                   {single,12:N0} comments/s ({perCpuSecond:N0} per second of the thread's CPU time)");
        output.WriteLine($"  {Environment.ProcessorCount} threads                    {parallel,12:N0} comments/s ({parallel / Environment.ProcessorCount:N0} per core)");
        output.WriteLine($"  model memory                 {modelBytes / 1048576.0,12:F1} MB managed heap after loading ({learned.WeightBytes / 1048576.0:F1} MB of sentiment weights, {identifier.Model.MemoryBytes / 1048576.0:F1} MB of language model)");
        report.Set("sentiment_comments_per_s_one_thread", single);
        report.Set("sentiment_comments_per_cpu_s_one_thread", perCpuSecond);
        report.Set("sentiment_comments_per_s_per_core", parallel / Environment.ProcessorCount);
        report.Set("sentiment_model_bytes", modelBytes);

        var learnedSingle = RunLocal(learnedPath, batches, TimeSpan.FromSeconds(2));
        var learnedParallel = RunLocalOnAllCores(learnedPath, batches, TimeSpan.FromSeconds(2));
        output.WriteLine($"learned model alone ({learned.Name}; lexicon signals + {learned.Model.UsedBuckets:N0} hashed n-gram buckets in use of {learned.Model.Options.Buckets:N0})");
        output.WriteLine($"  one thread                   {learnedSingle,12:N0} comments/s");
        output.WriteLine($"  {Environment.ProcessorCount} threads                    {learnedParallel,12:N0} comments/s ({learnedParallel / Environment.ProcessorCount:N0} per core)");
        report.Set("sentiment_learned_comments_per_s_one_thread", learnedSingle);
        report.Set("sentiment_learned_comments_per_s_per_core", learnedParallel / Environment.ProcessorCount);
        report.Set("sentiment_learned_model_bytes", learned.WeightBytes);

        var lexiconSingle = RunLocal(lexiconPath, batches, TimeSpan.FromSeconds(2));
        var lexiconParallel = RunLocalOnAllCores(lexiconPath, batches, TimeSpan.FromSeconds(2));
        output.WriteLine($"lexicon analyzer alone ({local.Name}; English only, the fallback, and part of the learned model's work)");
        output.WriteLine($"  one thread                   {lexiconSingle,12:N0} comments/s");
        output.WriteLine($"  {Environment.ProcessorCount} threads                    {lexiconParallel,12:N0} comments/s ({lexiconParallel / Environment.ProcessorCount:N0} per core)");
        output.WriteLine($"  references, one thread       {References}");
        report.Set("sentiment_lexicon_comments_per_s_one_thread", lexiconSingle);
        report.Set("sentiment_lexicon_comments_per_s_per_core", lexiconParallel / Environment.ProcessorCount);

        await using var stub = await LanguageServiceStub.StartAsync();
        stub.RecordRequests = false; // tens of thousands of requests: count them, do not keep them
        var neutral = LanguageServiceStub.Success(LanguageServiceStub.NeutralVerdict);
        output.WriteLine("remote path (AzureWithLocalFallback: batcher of 10 documents, 20 ms window, 8 requests in flight -> HTTP -> local stub)");
        // A lone caller pays the batching window; many callers fill requests at once; a slower service saturates the requests in flight.
        foreach (var (callers, serviceTime) in new[] { (1, TimeSpan.Zero), (64, TimeSpan.Zero), (64, TimeSpan.FromMilliseconds(50)) })
        {
            cancellationToken.ThrowIfCancellationRequested();
            stub.Respond = request => neutral(request) with { Delay = serviceTime };
            var run = await RunRemoteAsync(stub, local, texts, callers, TimeSpan.FromSeconds(3), cancellationToken);
            output.WriteLine($"  stub answering in {serviceTime.TotalMilliseconds:F0} ms, {callers} concurrent caller{(callers == 1 ? "" : "s")} of 1-5 comments");
            output.WriteLine($"    comments/s                 {run.CommentsPerSecond,12:N0} ({run.Requests:N0} requests, {run.DocumentsPerRequest:F1} documents each, {run.RemoteShare:P1} scored remotely)");
            output.WriteLine($"    latency per call           p50 {run.P50:F1} ms, p99 {run.P99:F1} ms (local scoring of one call: {LocalCallMicroseconds(local, texts):F1} µs)");
        }

        output.WriteLine("  the stub runs in this process and shares its cores; Azure answers in ~100-300 ms and limits requests per minute by tier");
    }

    private static string[] LoadTexts(TextWriter output)
    {
        var files = DevelopmentData.FindFiles([Environment.CurrentDirectory, AppContext.BaseDirectory]);
        var texts = files.SelectMany(f => LabelledTextFile.Read(f)).Select(i => i.Text).ToArray();
        if (texts.Length > 0)
        {
            output.WriteLine($"sentiment texts: {string.Join(", ", files.Select(Path.GetFileName))}");
            return texts;
        }

        output.WriteLine("sentiment texts: no development data found above the current folder; using a small built-in set");
        return
        [
            "this looks amazing 😍", "what song is this", "worst recipe ever, total waste of time", "I can't stop watching this lol",
            "not bad at all tbh", "who else is here in 2024?", "this is fire 🔥🔥", "meh, mid at best", "the ending made me cry 😭",
            "ok but why does this work so well", "absolutely hate the filter", "first!", "she ate and left no crumbs", "nah this ain't it",
        ];
    }

    /// <summary>Texts per call, as a video grain hands a stream batch's new comments to the analyzer.</summary>
    private const int GrainBatch = 64;

    /// <summary>Scores one batch, returning the sum of its scores (so nothing is optimised away).</summary>
    private delegate double ScoreBatch(string[] batch);

    private static ScoreBatch OneByOne(Func<string, SentimentResult> analyze) => batch =>
    {
        var sum = 0.0;
        foreach (var text in batch)
        {
            sum += analyze(text).Score;
        }

        return sum;
    };

    private static ScoreBatch Batched(ISentimentAnalyzer analyzer) => batch =>
    {
        var results = analyzer.AnalyzeAsync(batch).AsTask().GetAwaiter().GetResult();
        var sum = 0.0;
        foreach (var result in results)
        {
            sum += result.Score;
        }

        return sum;
    };

    /// <summary>Comments per second of the calling thread's CPU time, from the fastest of a few passes (other processes' load stretches wall time, not this).</summary>
    private static double PerCpuSecond(ScoreBatch score, string[][] batches)
    {
        var texts = batches.Sum(b => b.Length);
        var best = double.MaxValue;
        var sink = 0.0;
        for (var pass = 0; pass < 5; pass++)
        {
            var start = ThreadCpuTime.Now();
            foreach (var batch in batches)
            {
                sink += score(batch);
            }

            best = Math.Min(best, (ThreadCpuTime.Now() - start).TotalSeconds);
        }

        GC.KeepAlive(sink);
        return texts / best;
    }

    private static double RunLocal(ScoreBatch score, string[][] batches, TimeSpan duration)
    {
        long scored = 0;
        var watch = Stopwatch.StartNew();
        var sink = 0.0;
        while (watch.Elapsed < duration)
        {
            foreach (var batch in batches)
            {
                sink += score(batch);
                scored += batch.Length;
            }
        }

        GC.KeepAlive(sink);
        return scored / watch.Elapsed.TotalSeconds;
    }

    private static double RunLocalOnAllCores(ScoreBatch score, string[][] batches, TimeSpan duration)
    {
        var cores = Environment.ProcessorCount;
        var counts = new long[cores];
        var watch = Stopwatch.StartNew();
        var threads = Enumerable.Range(0, cores).Select(worker => new Thread(() =>
        {
            var sink = 0.0;
            var i = worker * batches.Length / cores;
            long scored = 0;
            while (watch.Elapsed < duration)
            {
                for (var n = 0; n < 16; n++, i = i + 1 == batches.Length ? 0 : i + 1)
                {
                    sink += score(batches[i]);
                    scored += batches[i].Length;
                }
            }

            counts[worker] = scored;
            GC.KeepAlive(sink);
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());
        return counts.Sum() / watch.Elapsed.TotalSeconds;
    }

    private static double LocalCallMicroseconds(LexiconSentimentAnalyzer analyzer, string[] texts)
    {
        const int calls = 20_000;
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < calls; i++)
        {
            _ = analyzer.AnalyzeAsync([texts[i % texts.Length], texts[(i + 1) % texts.Length], texts[(i + 2) % texts.Length]]);
        }

        return watch.Elapsed.TotalMicroseconds / calls;
    }

    private sealed record RemoteRun(double CommentsPerSecond, long Requests, double DocumentsPerRequest, double RemoteShare, double P50, double P99);

    private static async Task<RemoteRun> RunRemoteAsync(LanguageServiceStub stub, LexiconSentimentAnalyzer local, string[] texts, int callers, TimeSpan duration, CancellationToken cancellationToken)
    {
        var options = new AzureLanguageOptions
        {
            Endpoint = stub.Endpoint,
            Key = "benchmark",
            BatchWindow = TimeSpan.FromMilliseconds(20),
            MaxConcurrentRequests = 8,
        };
        await using var analyzer = AzureSentiment.CreateAnalyzer(options, localFallback: true, local);
        await analyzer.AnalyzeAsync(["warm up"], cancellationToken);
        long requestsBefore = stub.RequestCount;
        var documentsBefore = stub.DocumentCount;
        var latencies = new List<double>[callers];
        long comments = 0, remote = 0;
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, callers).Select(caller => Task.Run(async () =>
        {
            var random = new Random(caller);
            var mine = latencies[caller] = [];
            while (watch.Elapsed < duration && !cancellationToken.IsCancellationRequested)
            {
                var count = random.Next(1, 6);
                var start = random.Next(texts.Length - count);
                var call = Stopwatch.GetTimestamp();
                var results = await analyzer.AnalyzeAsync(texts.AsSpan(start, count).ToArray(), cancellationToken);
                mine.Add(Stopwatch.GetElapsedTime(call).TotalMilliseconds);
                Interlocked.Add(ref comments, count);
                Interlocked.Add(ref remote, results.Count(r => r.Analyzer == options.AnalyzerName));
            }
        }, cancellationToken)));
        var seconds = watch.Elapsed.TotalSeconds;
        var sorted = latencies.SelectMany(l => l).Order().ToArray();
        var requests = stub.RequestCount - requestsBefore;
        return new RemoteRun(
            comments / seconds,
            requests,
            requests == 0 ? 0 : (double)(stub.DocumentCount - documentsBefore) / requests,
            comments == 0 ? 0 : (double)remote / comments,
            Percentile(sorted, 0.50),
            Percentile(sorted, 0.99));
    }

    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? double.NaN : sorted[(int)Math.Min(sorted.Length - 1, Math.Ceiling(p * sorted.Length) - 1)];
}
