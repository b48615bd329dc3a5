namespace Insights.Sentiment.Tests.Learned;

using Insights.Sentiment.Learned;

/// <summary>The model file format: what is written is read back weight for weight, and the version follows the weights.</summary>
public sealed class ModelFileTests
{
    private static LinearModel RandomModel(int seed, FeatureOptions? options = null)
    {
        options ??= new FeatureOptions(10, 2, 4, 2, 0);
        var random = new Random(seed);
        float Next() => (float)((random.NextDouble() * 2) - 1);
        var buckets = new float[options.Buckets * LinearModel.Classes];
        for (var b = 0; b < options.Buckets; b++)
        {
            // Most buckets empty, as L1 leaves them; the rest with three weights.
            if (random.Next(4) == 0)
            {
                for (var c = 0; c < LinearModel.Classes; c++)
                {
                    buckets[(b * LinearModel.Classes) + c] = Next();
                }
            }
        }

        return new LinearModel(
            options,
            [Next(), Next(), Next()],
            Enumerable.Range(0, LexiconSignals.Count * LinearModel.Classes).Select(_ => Next()).ToArray(),
            buckets);
    }

    private static LinearModel RoundTrip(LinearModel model)
    {
        using var stream = new MemoryStream();
        LinearModelFile.Write(stream, model);
        stream.Position = 0;
        return LinearModelFile.Read(stream);
    }

    [Fact]
    public void A_written_model_reads_back_with_the_same_weights_and_name()
    {
        var model = RandomModel(1, new FeatureOptions(12, 1, 5, 1, 3));

        var read = RoundTrip(model);

        Assert.Equal(model.Options, read.Options);
        Assert.Equal(model.Biases, read.Biases);
        Assert.Equal(model.SignalWeights, read.SignalWeights);
        Assert.Equal(model.BucketWeights, read.BucketWeights);
        Assert.Equal(model.Name, read.Name);
        Assert.StartsWith(LinearModel.NamePrefix + "+", read.Name, StringComparison.Ordinal);
    }

    [Fact]
    public void The_committed_model_round_trips()
    {
        var model = LearnedSentimentAnalyzer.EmbeddedModel;

        var read = RoundTrip(model);

        Assert.Equal(model.Name, read.Name);
        Assert.Equal(model.BucketWeights, read.BucketWeights);
    }

    [Fact]
    public void Changing_one_weight_changes_the_analyzer_version()
    {
        var model = RandomModel(2);
        var buckets = (float[])model.BucketWeights.Clone();
        buckets[7] += 0.001f;
        var changed = new LinearModel(model.Options, model.Biases, model.SignalWeights, buckets);

        Assert.NotEqual(model.Name, changed.Name);
        Assert.NotEqual(model.Name, new LearnedSentimentAnalyzer(changed, new LexiconSentimentAnalyzer()).Name);
        Assert.Equal(model.Name, new LinearModel(model.Options, model.Biases, model.SignalWeights, model.BucketWeights).Name);
    }

    [Fact]
    public void Changing_the_features_changes_the_analyzer_version()
    {
        var model = RandomModel(3);
        var other = new LinearModel(model.Options with { CharMax = 5 }, model.Biases, model.SignalWeights, model.BucketWeights);

        Assert.NotEqual(model.Name, other.Name);
    }

    [Fact]
    public void A_file_that_is_not_a_model_is_refused()
    {
        using var stream = new MemoryStream();
        using (var gzip = new System.IO.Compression.GZipStream(stream, System.IO.Compression.CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write("NOTAMODEL and more bytes"u8);
        }

        stream.Position = 0;
        var error = Assert.Throws<InvalidDataException>(() => LinearModelFile.Read(stream));
        Assert.Contains("magic", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_truncated_file_is_refused()
    {
        using var whole = new MemoryStream();
        LinearModelFile.Write(whole, RandomModel(4));
        var body = Decompress(whole.ToArray());
        using var cut = new MemoryStream();
        using (var gzip = new System.IO.Compression.GZipStream(cut, System.IO.Compression.CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(body.AsSpan(0, body.Length - 5));
        }

        cut.Position = 0;
        Assert.Throws<InvalidDataException>(() => LinearModelFile.Read(cut));
    }

    [Fact]
    public void Weights_that_do_not_fit_the_options_are_refused()
    {
        var options = new FeatureOptions(10, 2, 4, 2, 0);
        Assert.Throws<ArgumentException>(() => new LinearModel(options, [0, 0, 0], new float[LexiconSignals.Count * 3], new float[10]));
        Assert.Throws<InvalidDataException>(() => new LinearModel(options with { CharMax = 1 }, [0, 0, 0], new float[LexiconSignals.Count * 3], new float[options.Buckets * 3]));
    }

    private static byte[] Decompress(byte[] compressed)
    {
        using var gzip = new System.IO.Compression.GZipStream(new MemoryStream(compressed), System.IO.Compression.CompressionMode.Decompress);
        using var body = new MemoryStream();
        gzip.CopyTo(body);
        return body.ToArray();
    }
}
