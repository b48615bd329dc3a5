namespace Insights.Sentiment;

/// <summary>
/// The batch call of an analyzer that scores one text at a time in memory: no I/O to wait for, so the batch is
/// answered synchronously, checking for cancellation every 1,024 texts rather than per text.
/// </summary>
internal static class SynchronousScoring
{
    public static ValueTask<IReadOnlyList<SentimentResult>> ScoreAll(
        IReadOnlyList<string> texts, Func<string, SentimentResult> analyze, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var results = new SentimentResult[texts.Count];
        for (var i = 0; i < results.Length; i++)
        {
            if ((i & 1023) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            results[i] = analyze(texts[i]);
        }

        return ValueTask.FromResult<IReadOnlyList<SentimentResult>>(results);
    }
}
