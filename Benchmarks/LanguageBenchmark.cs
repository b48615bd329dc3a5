namespace Insights.Benchmarks;

using System.Diagnostics;
using Insights.Benchmarks.Reporting;
using Insights.Sentiment;
using Insights.Sentiment.Evaluation;
using Insights.Sentiment.Language;

/// <summary>
/// Language identification alone, one thread: comments/s of <see cref="LanguageIdentifier"/> on the shared texts of
/// every language, and what it costs the local analyzer: the lexicon analyzer alone against the same analyzer behind
/// <see cref="LanguageAwareSentimentAnalyzer"/>, on the same texts in the same run; the model's memory.
/// </summary>
public sealed class LanguageBenchmark : IBenchmarkSection
{
    public string Flag => "--language";

    public Task RunAsync(BenchmarkContext context)
    {
        var output = context.Output;
        var report = context.Report;
        var texts = LoadTexts();
        var identifier = new LanguageIdentifier();
        output.WriteLine($"language: {texts.Length:N0} texts in {LanguageCodes.Trained.Count} languages, {texts.Average(t => t.Length):F0} characters on average; model {identifier.Name}, {identifier.Model.MemoryBytes / 1024.0 / 1024.0:F1} MB in memory");

        Identify(identifier, texts, TimeSpan.FromMilliseconds(300)); // warm-up: JIT and model
        var identified = Identify(identifier, texts, TimeSpan.FromSeconds(2));
        output.WriteLine($"  identifier, one thread           {identified,12:N0} comments/s");

        var lexicon = new LexiconSentimentAnalyzer();
        var aware = new LanguageAwareSentimentAnalyzer(lexicon, identifier);
        Score(lexicon, texts, TimeSpan.FromMilliseconds(300));
        Score(aware, texts, TimeSpan.FromMilliseconds(300));
        var alone = Score(lexicon, texts, TimeSpan.FromSeconds(2));
        var withLanguages = Score(aware, texts, TimeSpan.FromSeconds(2));
        output.WriteLine($"  lexicon alone, batches of 64     {alone,12:N0} comments/s");
        output.WriteLine($"  lexicon behind identification    {withLanguages,12:N0} comments/s ({withLanguages / alone:P0} of alone; texts in other languages are not scored)");
        report.Set("language_identify_per_s_one_thread", identified);
        report.Set("language_aware_lexicon_per_s_one_thread", withLanguages);
        report.Set("language_lexicon_alone_per_s_one_thread", alone);
        report.Set("language_model_bytes", identifier.Model.MemoryBytes);
        return Task.CompletedTask;
    }

    private static string[] LoadTexts()
    {
        var folder = DevelopmentData.FindFolder([Environment.CurrentDirectory, AppContext.BaseDirectory]);
        if (folder is not null && LanguageDataFiles.AreIn(folder, LanguageCodes.Trained))
        {
            return [.. LanguageDataFiles.ReadValidation(folder, LanguageCodes.Trained).Select(t => t.Text)];
        }

        return
        [
            "this looks amazing 😍", "me encanta esta canción", "que vídeo lindo, amei demais", "j'adore cette vidéo",
            "ich finde das Video richtig gut", "che bello questo video", "فيديو رائع جدا", "yaar kya baat hai", "この動画めっちゃ好き",
        ];
    }

    private static double Identify(LanguageIdentifier identifier, string[] texts, TimeSpan duration)
    {
        long done = 0;
        var sink = 0.0;
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < duration)
        {
            foreach (var text in texts)
            {
                sink += identifier.Identify(text).Confidence;
            }

            done += texts.Length;
        }

        GC.KeepAlive(sink);
        return done / watch.Elapsed.TotalSeconds;
    }

    /// <summary>Through <see cref="ISentimentAnalyzer.AnalyzeAsync"/> in batches of 64, as a video grain calls it.</summary>
    private static double Score(ISentimentAnalyzer analyzer, string[] texts, TimeSpan duration)
    {
        var batches = texts.Chunk(64).ToArray();
        long done = 0;
        var sink = 0.0;
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < duration)
        {
            foreach (var batch in batches)
            {
                var results = analyzer.AnalyzeAsync(batch).GetAwaiter().GetResult();
                sink += results[0].Score;
                done += batch.Length;
            }
        }

        GC.KeepAlive(sink);
        return done / watch.Elapsed.TotalSeconds;
    }
}
