namespace Insights.Sentiment.Tests;

using Insights.Sentiment.Scoring;

/// <summary>The shape of the result: ranges, probabilities, label consistency, determinism, edge inputs.</summary>
public sealed class OutputTests
{
    private static readonly LexiconSentimentAnalyzer Analyzer = new();

    private static readonly string[] SampleTexts =
    [
        "this is good", "this is bad", "meh", "ok", "lol", "I LOVE IT!!!", "worst. video. ever.", "not bad at all",
        "😍😍😍", "🤮", "the song is great but the video is terrible", "?", "!!!", "a", "10/10", "no cap this is fire fr",
        "hate hate hate hate hate hate hate hate hate hate", "love love love love love love love love love love",
        "これは本当に素晴らしい", "Это ужасно", "me encanta este video, es muy bueno",
    ];

    public static TheoryData<string> Samples => new(SampleTexts);

    [Theory]
    [MemberData(nameof(Samples))]
    public void Probabilities_are_a_distribution_consistent_with_the_label(string text)
    {
        var result = Analyzer.Analyze(text);

        Assert.InRange(result.Score, -1.0, 1.0);
        Assert.InRange(result.Positive, 0.0, 1.0);
        Assert.InRange(result.Neutral, 0.0, 1.0);
        Assert.InRange(result.Negative, 0.0, 1.0);
        Assert.Equal(1.0, result.Positive + result.Neutral + result.Negative, precision: 12);

        var labelProbability = result.Label switch
        {
            SentimentLabel.Positive => result.Positive,
            SentimentLabel.Negative => result.Negative,
            _ => result.Neutral,
        };
        Assert.Equal(Math.Max(result.Positive, Math.Max(result.Neutral, result.Negative)), labelProbability);
        Assert.Equal(LexiconSentimentAnalyzer.AnalyzerName, result.Analyzer);
    }

    [Fact]
    public void Probabilities_are_smooth_and_monotone_in_the_compound()
    {
        var previous = SentimentCalibration.Probabilities(-1);
        for (var compound = -1.0; compound <= 1.0; compound += 0.001)
        {
            var current = SentimentCalibration.Probabilities(compound);
            Assert.True(current.Positive >= previous.Positive - 1e-15, $"P(positive) fell at {compound}");
            Assert.True(current.Negative <= previous.Negative + 1e-15, $"P(negative) rose at {compound}");
            Assert.True(Math.Abs(current.Positive - previous.Positive) < 0.01, $"P(positive) jumped at {compound}");
            Assert.True(Math.Abs(current.Negative - previous.Negative) < 0.01, $"P(negative) jumped at {compound}");
            Assert.Equal(1.0, current.Positive + current.Neutral + current.Negative, precision: 12);

            var label = SentimentCalibration.Label(compound);
            var largest = Math.Max(current.Positive, Math.Max(current.Neutral, current.Negative));
            var ofLabel = label switch
            {
                SentimentLabel.Positive => current.Positive,
                SentimentLabel.Negative => current.Negative,
                _ => current.Neutral,
            };
            Assert.True(ofLabel >= largest - 1e-12, $"label {label} is not the most probable class at {compound}");
            previous = current;
        }
    }

    [Fact]
    public void Thresholds_split_the_compound_range()
    {
        Assert.Equal(SentimentLabel.Positive, SentimentCalibration.Label(SentimentCalibration.PositiveThreshold));
        Assert.Equal(SentimentLabel.Negative, SentimentCalibration.Label(SentimentCalibration.NegativeThreshold));
        Assert.Equal(SentimentLabel.Neutral, SentimentCalibration.Label(0));
        Assert.True(SentimentCalibration.NegativeThreshold < 0 && SentimentCalibration.PositiveThreshold > 0);
    }

    [Fact]
    public void Compound_is_bounded_and_increasing()
    {
        Assert.Equal(0, SentimentCalibration.Compound(0));
        Assert.True(SentimentCalibration.Compound(1e9) <= 1);
        Assert.True(SentimentCalibration.Compound(-1e9) >= -1);
        Assert.True(SentimentCalibration.Compound(2) > SentimentCalibration.Compound(1));
    }

    [Fact]
    public void Stronger_texts_get_more_confident_probabilities()
    {
        var good = Analyzer.Analyze("good");
        var amazing = Analyzer.Analyze("this is absolutely amazing, i love it so much!!!");
        Assert.True(amazing.Positive > good.Positive);
        Assert.True(Analyzer.Analyze("absolutely horrible, i hate it").Negative > Analyzer.Analyze("bad").Negative);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("\t\r\n  ")]
    [InlineData(null)]
    public void Empty_or_blank_text_is_neutral(string? text)
    {
        var result = Analyzer.Analyze(text);
        Assert.Equal(SentimentLabel.Neutral, result.Label);
        Assert.Equal(0, result.Score);
        Assert.True(result.Neutral > result.Positive && result.Neutral > result.Negative);
    }

    [Theory]
    [InlineData("12345 67890")]
    [InlineData("... ,,, ;;; ---")]
    [InlineData("@user @other https://example.com")]
    [InlineData("the of and to in")]
    public void Text_without_sentiment_is_neutral_with_score_zero(string text)
    {
        var result = Analyzer.Analyze(text);
        Assert.Equal(SentimentLabel.Neutral, result.Label);
        Assert.Equal(0, result.Score);
    }

    [Fact]
    public void Very_long_text_is_scored_without_error()
    {
        var longPositive = string.Concat(Enumerable.Repeat("what a good video, i love the song! ", 30_000));
        var result = Analyzer.Analyze(longPositive);
        Assert.Equal(SentimentLabel.Positive, result.Label);
        Assert.InRange(result.Score, 0.9, 1.0);

        var noise = new string('a', 200_000) + " " + new string('!', 100_000) + string.Concat(Enumerable.Repeat("😂", 50_000)) + "&amp;" + new string('\\', 10);
        Assert.InRange(Analyzer.Analyze(noise).Score, -1.0, 1.0);

        var oneLongWord = new string('x', 1_000_000);
        Assert.Equal(SentimentLabel.Neutral, Analyzer.Analyze(oneLongWord).Label);
    }

    [Fact]
    public void Broken_unicode_does_not_throw()
    {
        var texts = new[] { "\uD83D", "\uDE02 good", "good \uD83D", "a\u0301\u0301\u0301", "\u200D\uFE0F", "\0\0", "&#0; &#xFFFF; &lt &#;", @"\u12 \uZZZZ \u" };
        foreach (var text in texts)
        {
            var result = Analyzer.Analyze(text);
            Assert.Equal(1.0, result.Positive + result.Neutral + result.Negative, precision: 12);
        }
    }

    [Fact]
    public void Scoring_is_deterministic_across_calls_and_instances()
    {
        var other = new LexiconSentimentAnalyzer();
        foreach (var text in SampleTexts)
        {
            Assert.Equal(Analyzer.Analyze(text), Analyzer.Analyze(text));
            Assert.Equal(Analyzer.Analyze(text), other.Analyze(text));
        }
    }

    [Fact]
    public void One_instance_can_be_shared_between_threads()
    {
        var texts = Enumerable.Range(0, 4000)
            .Select(i => (i % 5) switch
            {
                0 => $"video {i} is so good 😍",
                1 => $"comment {i}: not great, kinda mid tbh",
                2 => $"{i} lmaooo im dead 💀",
                3 => new string('a', 300 + (i % 50)) + " terrible",
                _ => $"why is this {i} so bad?? :(",
            })
            .ToArray();
        var sequential = texts.Select(Analyzer.Analyze).ToArray();
        var parallel = new SentimentResult[texts.Length];
        Parallel.For(0, texts.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i => parallel[i] = Analyzer.Analyze(texts[i]));
        Assert.Equal(sequential, parallel);
    }

    [Fact]
    public async Task AnalyzeAsync_returns_one_result_per_text_in_order_synchronously()
    {
        var texts = new[] { "good", "bad", "", "meh", "😂" };
        var pending = Analyzer.AnalyzeAsync(texts);
        Assert.True(pending.IsCompletedSuccessfully);
        var results = await pending;
        Assert.Equal(texts.Length, results.Count);
        for (var i = 0; i < texts.Length; i++)
        {
            Assert.Equal(Analyzer.Analyze(texts[i]), results[i]);
        }

        Assert.Empty(await Analyzer.AnalyzeAsync([]));
    }

    /// <summary>
    /// Scoring allocates nothing but its result, whatever the text (words, emoji, escapes to decode, a text longer than
    /// the stack buffers): a per-word string or a boxed enumerator would show here long before in a benchmark.
    /// </summary>
    [Fact]
    public void Analyze_allocates_only_its_result()
    {
        string[] texts =
        [
            "I can't believe how GOOD this is 😍😍 no cap fr!!!", "won\\u2019t watch again &amp; it&#39;s mid :(",
            string.Concat(Enumerable.Repeat("so loooove this, but hated the ending lol ", 12)), "hahahaha she ate 🔥 10/10",
        ];
        const int rounds = 50;
        foreach (var text in texts)
        {
            Analyzer.Analyze(text);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        var results = new SentimentResult[rounds];
        for (var i = 0; i < rounds; i++)
        {
            results[i] = new SentimentResult(SentimentLabel.Neutral, i, 0, 1, 0, LexiconSentimentAnalyzer.AnalyzerName);
        }

        var resultsOnly = GC.GetAllocatedBytesForCurrentThread() - before;
        foreach (var text in texts)
        {
            before = GC.GetAllocatedBytesForCurrentThread();
            for (var i = 0; i < rounds; i++)
            {
                results[i] = Analyzer.Analyze(text);
            }

            Assert.True(
                GC.GetAllocatedBytesForCurrentThread() - before <= resultsOnly,
                $"scoring '{text}' {rounds} times allocated more than {rounds} results ({resultsOnly} bytes)");
        }

        GC.KeepAlive(results);
    }

    [Fact]
    public async Task AnalyzeAsync_honours_cancellation()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await Analyzer.AnalyzeAsync(["good"], cancelled.Token));
    }

    [Fact]
    public void The_analyzer_is_named_and_versioned()
    {
        Assert.Equal("lexicon/1", Analyzer.Name);
        Assert.IsAssignableFrom<ISentimentAnalyzer>(Analyzer);
    }
}
