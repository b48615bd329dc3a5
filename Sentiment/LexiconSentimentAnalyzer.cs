namespace Insights.Sentiment;

using System.Buffers;
using System.Runtime.CompilerServices;
using Insights.Sentiment.Lexicon;
using Insights.Sentiment.Scoring;
using Insights.Sentiment.Text;

/// <summary>
/// Local, rule-based sentiment of short comments: a valence lexicon of English words, slang, emoji and
/// emoticons, with rules for negation, boosters, contrast, capitals, punctuation, elongation and laughter.
/// Immutable after construction and safe to share: one instance serves every grain. Allocates only the result
/// (texts up to <see cref="StackLimit"/> characters are scored on the stack, longer ones in pooled buffers).
/// <para>
/// Texts that are probably not English are not guessed at: they score 0, neutral, with near-uniform
/// probabilities (see <see cref="SentimentCalibration.NotJudgedNeutral"/>).
/// </para>
/// </summary>
public sealed class LexiconSentimentAnalyzer : IInProcessSentimentAnalyzer
{
    /// <summary>Name and version of the scoring. Bump the number whenever the lexicon or the rules change scores.</summary>
    public const string AnalyzerName = "lexicon/1";

    private const int StackLimit = 256;

    private readonly SentimentLexicon lexicon;
    private readonly SentimentResult neutral;
    private readonly SentimentResult notJudged;

    public LexiconSentimentAnalyzer()
        : this(SentimentLexicon.Default)
    {
    }

    internal LexiconSentimentAnalyzer(SentimentLexicon lexicon)
    {
        this.lexicon = lexicon;
        neutral = ToResult(0);
        notJudged = new SentimentResult(
            SentimentLabel.Neutral,
            0,
            SentimentCalibration.NotJudgedPolar,
            SentimentCalibration.NotJudgedNeutral,
            SentimentCalibration.NotJudgedPolar,
            AnalyzerName);
    }

    public string Name => AnalyzerName;

    public ValueTask<IReadOnlyList<SentimentResult>> AnalyzeAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken = default) =>
        SynchronousScoring.ScoreAll(texts, Analyze, cancellationToken);

    /// <summary>Scores one text. A null, empty or blank text is neutral.</summary>
    public SentimentResult Analyze(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return neutral;
        }

        var sum = Sum(text, out var judged);
        return judged ? ToResult(sum) : notJudged;
    }

    /// <inheritdoc cref="IInProcessSentimentAnalyzer.Analyze"/>
    public SentimentResult Analyze(string? text, string language)
    {
        var result = Analyze(text);
        return result.Language == language ? result : result with { Language = language };
    }

    /// <summary>The raw valence sum before squashing; <paramref name="judged"/> is false for text that is probably not English.</summary>
    /// <remarks>
    /// Not zeroing the stack buffers (6.6 KB: tokens are 24 bytes) halves the cost of a comment; the tokenizer writes
    /// every token and character before anything reads it.
    /// </remarks>
    [SkipLocalsInit]
    internal double Sum(ReadOnlySpan<char> text, out bool judged)
    {
        char[]? rentedText = null;
        char[]? rentedNormalized = null;
        Token[]? rentedTokens = null;
        try
        {
            if (TextDecoder.NeedsDecoding(text))
            {
                rentedText = ArrayPool<char>.Shared.Rent(text.Length);
                text = rentedText.AsSpan(0, TextDecoder.Decode(text, rentedText));
            }

            var normalized = text.Length <= StackLimit
                ? stackalloc char[StackLimit]
                : (rentedNormalized = ArrayPool<char>.Shared.Rent(text.Length));
            var tokens = text.Length <= StackLimit
                ? stackalloc Token[StackLimit]
                : (rentedTokens = ArrayPool<Token>.Shared.Rent(text.Length));

            var count = Tokenizer.Tokenize(text, lexicon, normalized, tokens, out var profile);
            judged = !LanguageCheck.IsLikelyNotEnglish(profile);
            return judged
                ? ValenceScorer.Score(tokens[..count], normalized, lexicon, profile)
                : 0;
        }
        finally
        {
            if (rentedText is not null)
            {
                ArrayPool<char>.Shared.Return(rentedText);
            }

            if (rentedNormalized is not null)
            {
                ArrayPool<char>.Shared.Return(rentedNormalized);
            }

            if (rentedTokens is not null)
            {
                ArrayPool<Token>.Shared.Return(rentedTokens);
            }
        }
    }

    private static SentimentResult ToResult(double sum)
    {
        var compound = SentimentCalibration.Compound(sum);
        var (positive, neutralProbability, negative) = SentimentCalibration.Probabilities(compound);
        return new SentimentResult(SentimentCalibration.Label(compound), compound, positive, neutralProbability, negative, AnalyzerName);
    }
}
