namespace Insights.Sentiment;

using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using Insights.Sentiment.Learned;

/// <summary>
/// Local sentiment from a trained linear model (<see cref="LinearModel"/>, trained by <c>insights sentiment
/// train</c>) over hashed word and character n-grams of any language plus the lexicon analyzer's signals. One
/// multilingual model scores English and the eight XLM-T languages (ar, de, en, es, fr, hi, it, pt); other
/// languages get whatever their n-grams say, so a caller that identifies languages should keep its own answer for
/// those. Immutable and safe to share; allocates only the result for texts up to 510 characters.
/// </summary>
public sealed class LearnedSentimentAnalyzer : IInProcessSentimentAnalyzer
{
    /// <summary>The logical name of the committed model, embedded in this assembly.</summary>
    public const string EmbeddedModelName = "Insights.Sentiment.Learned.sentiment-linear.bin.gz";

    private static readonly Lazy<LinearModel> Embedded = new(LoadEmbedded);

    private readonly LinearModel _model;
    private readonly LexiconSentimentAnalyzer _lexicon;

    /// <summary>
    /// Bucket weights quantized to 16 bits and padded to four per bucket, so a bucket is one 8-byte load and the table
    /// is a quarter of the float one: the lookups are cache misses, and a smaller table misses less. Sums are exact
    /// integers; <see cref="_scale"/> turns them back into weights (error at most half a step per weight).
    /// </summary>
    private readonly short[] _table;
    private readonly float _scale;
    private readonly SentimentResult _blank;

    /// <summary>The committed model.</summary>
    public LearnedSentimentAnalyzer()
        : this(Embedded.Value, new LexiconSentimentAnalyzer())
    {
    }

    public LearnedSentimentAnalyzer(LinearModel model, LexiconSentimentAnalyzer lexicon)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(lexicon);
        _model = model;
        _lexicon = lexicon;
        var largest = 0f;
        foreach (var weight in model.BucketWeights)
        {
            largest = Math.Max(largest, Math.Abs(weight));
        }

        _scale = largest > 0 ? largest / short.MaxValue : 1;
        _table = new short[model.Options.Buckets * 4];
        for (var b = 0; b < model.Options.Buckets; b++)
        {
            for (var c = 0; c < LinearModel.Classes; c++)
            {
                _table[(b * 4) + c] = (short)Math.Round(model.BucketWeights[(b * LinearModel.Classes) + c] / _scale);
            }
        }

        _blank = new SentimentResult(SentimentLabel.Neutral, 0, 0, 1, 0, model.Name);
    }

    /// <summary>The committed model (read once per process).</summary>
    public static LinearModel EmbeddedModel => Embedded.Value;

    public string Name => _model.Name;

    public LinearModel Model => _model;

    /// <summary>Memory held by the weights, in bytes (the padded table and the model's own arrays).</summary>
    public long WeightBytes => (_table.LongLength * sizeof(short)) + ((_model.BucketWeights.LongLength + _model.SignalWeights.Length + _model.Biases.Length) * sizeof(float));

    public ValueTask<IReadOnlyList<SentimentResult>> AnalyzeAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken = default) =>
        SynchronousScoring.ScoreAll(texts, Analyze, cancellationToken);

    /// <summary>Scores one text. A null, empty or blank text is neutral with certainty.</summary>
    public SentimentResult Analyze(string? text) => Analyze(text, SentimentResult.Undetermined);

    /// <inheritdoc cref="IInProcessSentimentAnalyzer.Analyze"/>
    public SentimentResult Analyze(string? text, string language)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return language == SentimentResult.Undetermined ? _blank : _blank with { Language = language };
        }

        Span<float> logits = stackalloc float[LinearModel.Classes];
        Logits(text, logits);
        var max = Math.Max(logits[0], Math.Max(logits[1], logits[2]));
        var negative = Math.Exp(logits[0] - max);
        var neutral = Math.Exp(logits[1] - max);
        var positive = Math.Exp(logits[2] - max);
        var sum = negative + neutral + positive;
        negative /= sum;
        neutral /= sum;
        positive /= sum;

        // Ties go to neutral, then to the sign of the score.
        var label = neutral >= positive && neutral >= negative
            ? SentimentLabel.Neutral
            : positive >= negative ? SentimentLabel.Positive : SentimentLabel.Negative;
        return new SentimentResult(label, positive - negative, positive, neutral, negative, _model.Name, language);
    }

    /// <summary>The three logits (negative, neutral, positive) of a text.</summary>
    [SkipLocalsInit]
    public void Logits(ReadOnlySpan<char> text, Span<float> logits)
    {
        var sink = new ScoringSink(_table, stackalloc int[ScoringSink.BufferLength]);
        NgramFeatures.Extract(text, _model.Options, ref sink);
        sink.Flush();

        Span<float> signals = stackalloc float[LexiconSignals.Count];
        LexiconSignals.Compute(_lexicon, text, signals);

        var total = Vector128.Create(_model.Biases[0], _model.Biases[1], _model.Biases[2], 0);
        if (sink.Words > 0)
        {
            total += Vector128.ConvertToSingle(sink.WordSum) * (_scale / MathF.Sqrt(sink.Words));
        }

        if (sink.Chars > 0)
        {
            total += Vector128.ConvertToSingle(sink.CharSum) * (_scale / MathF.Sqrt(sink.Chars));
        }

        var weights = _model.SignalWeights;
        for (var i = 0; i < signals.Length; i++)
        {
            var value = signals[i];
            if (value != 0)
            {
                var at = i * LinearModel.Classes;
                total += Vector128.Create(weights[at], weights[at + 1], weights[at + 2], 0) * value;
            }
        }

        logits[0] = total[0];
        logits[1] = total[1];
        logits[2] = total[2];
    }

    private static LinearModel LoadEmbedded()
    {
        using var stream = typeof(LearnedSentimentAnalyzer).Assembly.GetManifestResourceStream(EmbeddedModelName)
            ?? throw new InvalidOperationException($"The assembly has no embedded model {EmbeddedModelName}.");
        return LinearModelFile.Read(stream);
    }

    /// <summary>
    /// Sums the table rows of the buckets hit. Word buckets are collected and summed together at the end (or when the
    /// buffer fills): the rows are mostly cache misses, and loads issued back to back wait for memory side by side,
    /// where one load per word, between the word's character work, waits alone. Integer sums, so the order does not
    /// change them.
    /// </summary>
    private ref struct ScoringSink(short[] table, Span<int> buffer) : IFeatureSink
    {
        public const int BufferLength = 256;

        public Vector128<int> WordSum;
        public Vector128<int> CharSum;
        public int Words;
        public int Chars;
        private readonly Span<int> _buffer = buffer;
        private int _pending;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Word(int bucket)
        {
            if (_pending == _buffer.Length)
            {
                Flush();
            }

            _buffer[_pending++] = bucket;
            Words++;
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Char(int bucket)
        {
            CharSum += Load(bucket);
            Chars++;
        }

        /// <summary>Adds the rows of the collected word buckets to <see cref="WordSum"/>.</summary>
        public void Flush()
        {
            var sum = WordSum;
            foreach (var bucket in _buffer[.._pending])
            {
                sum += Load(bucket);
            }

            WordSum = sum;
            _pending = 0;
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private readonly Vector128<int> Load(int bucket)
        {
            ref var weights = ref Unsafe.As<short, byte>(ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(table), (nint)bucket * 4));
            return Vector128.WidenLower(Vector128.CreateScalarUnsafe(Unsafe.ReadUnaligned<long>(ref weights)).AsInt16());
        }
    }
}
