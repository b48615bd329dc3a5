namespace Insights.Benchmarks;

using System.Diagnostics;
using Insights.Benchmarks.Reporting;
using Insights.Sentiment;
using Insights.Sentiment.Evaluation;
using Insights.Sentiment.Language;

/// <summary>
/// Language identification alone, one thread: comments/s of <see cref="LanguageIdentifier"/> on the shared texts of
/// every language, with its confidence (<see cref="LanguageIdentifier.Identify(string?)"/>) and as the silo calls it,
/// the language only (<see cref="LanguageIdentifier.LanguageOf"/>); and what it costs the silo's default analyzer:
/// the learned model alone against the same model behind <see cref="LanguageAwareSentimentAnalyzer"/>, on the same
/// texts in the same run; the model's memory.
/// </summary>
/// <param name="measure">How long each figure is measured (after a warm-up of a seventh of it); tests shorten it.</param>
public sealed class LanguageBenchmark(TimeSpan? measure = null) : IBenchmarkSection
{
    private readonly TimeSpan _measure = measure ?? TimeSpan.FromSeconds(2);

    private TimeSpan WarmUp => _measure / 7;

    public string Flag => "--language";

    public Task RunAsync(BenchmarkContext context)
    {
        var output = context.Output;
        var report = context.Report;
        var texts = LoadTexts();
        var identifier = new LanguageIdentifier();
        output.WriteLine($"language: {texts.Length:N0} texts in {LanguageCodes.Trained.Count} languages, {texts.Average(t => t.Length):F0} characters on average; model {identifier.Name}, {identifier.Model.MemoryBytes / 1024.0 / 1024.0:F1} MB in memory");

        Func<string, double> identify = text => identifier.Identify(text).Confidence;
        Func<string, double> languageOf = text => identifier.LanguageOf(text).Length;
        PerSecond(texts, WarmUp, identify); // warm-up: JIT and model
        PerSecond(texts, WarmUp, languageOf);
        var identified = PerSecond(texts, _measure, identify);
        var languageOnly = PerSecond(texts, _measure, languageOf);
        output.WriteLine($"  identifier with confidence       {identified,12:N0} comments/s, one thread");
        output.WriteLine($"  language only (the silo's call)  {languageOnly,12:N0} comments/s, one thread");

        var learned = new LearnedSentimentAnalyzer();
        var aware = new LanguageAwareSentimentAnalyzer(learned, identifier);
        Score(learned, texts, WarmUp);
        Score(aware, texts, WarmUp);
        var alone = Score(learned, texts, _measure);
        var withLanguages = Score(aware, texts, _measure);
        output.WriteLine($"  learned alone, batches of 64      {alone,12:N0} comments/s");
        output.WriteLine($"  learned behind identification     {withLanguages,12:N0} comments/s ({withLanguages / alone:P0} of alone; the silo's default path; texts in other languages are not scored)");
        report.Set("language_identify_per_s_one_thread", identified);
        report.Set("language_of_per_s_one_thread", languageOnly);
        report.Set("language_aware_learned_per_s_one_thread", withLanguages);
        report.Set("language_learned_alone_per_s_one_thread", alone);
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

    /// <summary>Texts per second of <paramref name="call"/> on one thread; what it returns is kept so none is skipped.</summary>
    private static double PerSecond(string[] texts, TimeSpan duration, Func<string, double> call)
    {
        long done = 0;
        var sink = 0.0;
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < duration)
        {
            foreach (var text in texts)
            {
                sink += call(text);
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
