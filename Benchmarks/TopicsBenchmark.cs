namespace Insights.Benchmarks;

using System.Diagnostics;
using Insights.Benchmarks.Reporting;
using Insights.Generator;
using Insights.Sentiment.Language;
using Insights.Topics.Evaluation;
using Insights.Topics.Modeling;
using Insights.Topics.Text;
using Microsoft.Extensions.Options;

/// <summary>
/// The topics build's model work on one thread, as the build does it: fit on a sample of the day
/// (<see cref="TopicModelOptions.MaxTrainingComments"/>), then assign every comment. The same-work baseline in the same
/// run is tokenizing every comment alone, the part of both steps no model can avoid; the ratio says what the model
/// itself costs. Also prints the topics' purity and NMI against the generator's planted themes.
/// </summary>
public sealed class TopicsBenchmark : IBenchmarkSection
{
    /// <summary>Generating and identifying the languages of more comments takes longer than the build being measured.</summary>
    public const int MaxComments = 200_000;

    public string Flag => "--topics";

    public Task RunAsync(BenchmarkContext context)
    {
        var output = context.Output;
        var report = context.Report;
        var count = Math.Min(context.Options.Comments, MaxComments);
        var day = DatasetGenerator.Generate(new GeneratorOptions
        {
            Seed = context.Options.Seed,
            Videos = Math.Min(context.Options.Videos, count),
            Comments = count,
            Span = TimeSpan.FromHours(24),
            Start = new DateTimeOffset(2026, 11, 30, 0, 0, 0, TimeSpan.Zero),
        });
        var languages = new LanguageIdentifier();
        var documents = day.Comments.Select(c => new TopicDocument(c.Id, c.Text, languages.Identify(c.Text).Language)).ToList();
        var options = new TopicModelOptions();
        var trainer = new KMeansTopicModelTrainer(Options.Create(options));
        var sampled = Math.Min(documents.Count, options.MaxTrainingComments);
        output.WriteLine($"topics: {documents.Count:N0} generated comments of one day, fitted on {sampled:N0}, {options.Topics} topics, one thread");

        Tokenize(documents.Take(2_000).ToList()); // warm-up: JIT, stop word lists
        trainer.Fit(documents.Take(2_000).ToList()).Assign(documents.Take(2_000)).Count();

        var watch = Stopwatch.StartNew();
        Tokenize(documents);
        var tokenizeSeconds = watch.Elapsed.TotalSeconds;

        watch.Restart();
        var model = trainer.Fit(documents, context.CancellationToken);
        var fitSeconds = watch.Elapsed.TotalSeconds;

        watch.Restart();
        var assignments = model.Assign(documents).ToList();
        var assignSeconds = watch.Elapsed.TotalSeconds;

        var quality = new ClusteringQuality();
        for (var i = 0; i < documents.Count; i++)
        {
            if (assignments[i] is { } a && day.CommentThemes.TryGetValue(documents[i].Id, out var theme))
            {
                quality.Add(theme, a.Topic);
            }
        }

        var tokenized = documents.Count / tokenizeSeconds;
        var built = documents.Count / (fitSeconds + assignSeconds);
        output.WriteLine($"  tokenizing alone (baseline)      {tokenized,12:N0} comments/s");
        output.WriteLine($"  fit on the sample                {sampled / fitSeconds,12:N0} comments/s ({fitSeconds:F2} s)");
        output.WriteLine($"  assign every comment             {documents.Count / assignSeconds,12:N0} comments/s ({assignSeconds:F2} s)");
        output.WriteLine($"  fit + assign, per day comment    {built,12:N0} comments/s ({built / tokenized:P0} of tokenizing alone)");
        output.WriteLine($"  {model.Topics.Count} topics; purity {quality.Purity:F3}, NMI {quality.NormalizedMutualInformation:F3} on the planted themes");
        report.Set("topics_tokenize_per_s_one_thread", tokenized);
        report.Set("topics_fit_per_s_one_thread", sampled / fitSeconds);
        report.Set("topics_assign_per_s_one_thread", documents.Count / assignSeconds);
        report.Set("topics_build_per_s_one_thread", built);
        report.Set("topics_purity", quality.Purity);
        report.Set("topics_nmi", quality.NormalizedMutualInformation);
        return Task.CompletedTask;
    }

    private static long Tokenize(List<TopicDocument> documents)
    {
        long words = 0;
        foreach (var document in documents)
        {
            words += TopicTokenizer.Tokenize(document.Text, document.Language).Count;
        }

        return words;
    }
}
