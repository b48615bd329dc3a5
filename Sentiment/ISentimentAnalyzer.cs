namespace Insights.Sentiment;

/// <summary>
/// Scores comment texts. Batch-shaped and asynchronous so that a remote analyzer can send many texts per
/// request; a local analyzer completes synchronously.
/// </summary>
public interface ISentimentAnalyzer
{
    /// <summary>Name and version, recorded with every score (e.g. <c>lexicon/1</c>).</summary>
    string Name { get; }

    /// <summary>Scores every text; the result has one entry per text, in the same order.</summary>
    ValueTask<IReadOnlyList<SentimentResult>> AnalyzeAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken = default);
}
