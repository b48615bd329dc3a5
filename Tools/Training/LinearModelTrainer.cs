namespace Insights.Tools.Training;

using Insights.Sentiment;
using Insights.Sentiment.Learned;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;

/// <summary>
/// Trains the <see cref="LinearModel"/> with ML.NET: multiclass logistic regression (maximum entropy) by L-BFGS
/// (OWL-QN with L1) over the <see cref="FeatureVector"/>s the analyzer computes, on one thread so that the result
/// is deterministic, then exports the weights into the model's own format (the silo scores without ML.NET).
/// </summary>
public static class LinearModelTrainer
{
    private const string Label = "Label";

    public static LinearModel Train(IReadOnlyList<TrainingItem> items, TrainingOptions options, TextWriter? log = null)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(options);
        var features = options.Features;
        features.Validate();
        var lexicon = new LexiconSentimentAnalyzer();
        var dimension = FeatureVector.Dimension(features);

        var examples = new Example[items.Count];
        for (var i = 0; i < items.Count; i++)
        {
            var vector = FeatureVector.Of(items[i].Text, features, lexicon);
            examples[i] = new Example
            {
                Class = TrainingData.ClassName(items[i].Label),
                Weight = items[i].Weight,
                Features = new VBuffer<float>(dimension, vector.Indices.Length, vector.Values, vector.Indices),
            };
        }

        log?.WriteLine($"features of {examples.Length:N0} items, {examples.Average(e => e.Features.GetValues().Length):N0} per item on average");

        var ml = new MLContext(options.Seed);
        var schema = SchemaDefinition.Create(typeof(Example));
        schema[nameof(Example.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, dimension);
        var data = ml.Data.LoadFromEnumerable(examples, schema);

        // Keys by value: the class names sort as the model's classes do (negative, neutral, positive).
        var toKey = ml.Transforms.Conversion.MapValueToKey(Label, nameof(Example.Class), keyOrdinality: Microsoft.ML.Transforms.ValueToKeyMappingEstimator.KeyOrdinality.ByValue);
        var trainer = ml.MulticlassClassification.Trainers.LbfgsMaximumEntropy(new LbfgsMaximumEntropyMulticlassTrainer.Options
        {
            LabelColumnName = Label,
            FeatureColumnName = nameof(Example.Features),
            ExampleWeightColumnName = nameof(Example.Weight),
            L1Regularization = options.L1,
            L2Regularization = options.L2,
            MaximumNumberOfIterations = options.MaxIterations,
            OptimizationTolerance = 1e-7f,
            HistorySize = 20,
            NumberOfThreads = 1,
        });
        var keyed = toKey.Fit(data).Transform(data);
        var trained = trainer.Fit(keyed).Model;
        return Export(trained, features);
    }

    private static LinearModel Export(MaximumEntropyModelParameters trained, FeatureOptions features)
    {
        VBuffer<float>[] weights = [];
        trained.GetWeights(ref weights, out var classes);
        if (classes != LinearModel.Classes)
        {
            throw new InvalidOperationException($"ML.NET trained {classes} classes, not {LinearModel.Classes}.");
        }

        var biases = trained.GetBiases().ToArray();
        var signalWeights = new float[LexiconSignals.Count * LinearModel.Classes];
        var bucketWeights = new float[features.Buckets * LinearModel.Classes];
        for (var c = 0; c < classes; c++)
        {
            var index = 0;
            foreach (var value in weights[c].DenseValues())
            {
                if (index < LexiconSignals.Count)
                {
                    signalWeights[(index * LinearModel.Classes) + c] = value;
                }
                else
                {
                    bucketWeights[((index - LexiconSignals.Count) * LinearModel.Classes) + c] = value;
                }

                index++;
            }
        }

        return new LinearModel(features, biases, signalWeights, bucketWeights);
    }

    private sealed class Example
    {
        public string Class { get; set; } = "";

        public float Weight { get; set; }

        public VBuffer<float> Features { get; set; }
    }
}
