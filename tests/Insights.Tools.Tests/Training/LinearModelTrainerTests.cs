namespace Insights.Tools.Tests.Training;

using Insights.Sentiment;
using Insights.Sentiment.Evaluation;
using Insights.Sentiment.Learned;
using Insights.Tools.Training;

/// <summary>Training on a small subset of the carried VADER file: reproducible, and it learns.</summary>
public sealed class LinearModelTrainerTests
{
    private static readonly TrainingOptions Options = new(new FeatureOptions(14, 0, 0, 2, 5), L1: 0.05f, L2: 0.5f, MaxIterations: 30, OtherLanguageWeight: 2, BalanceClasses: true, Seed: 7, Subsample: 1);

    private static IReadOnlyList<TrainingItem> Items(int count)
    {
        var folder = DevelopmentData.FindCarriedFolder([AppContext.BaseDirectory])
            ?? throw new InvalidOperationException("The carried development data is not above the test folder.");
        return LabelledTextFile.Read(Path.Combine(folder, "vader_tweets.tsv"))
            .Take(count)
            .Select(i => new TrainingItem(i.Gold, i.Text, "en", 1))
            .ToList();
    }

    [Fact]
    public void The_same_data_and_seed_give_identical_weights()
    {
        var items = Items(400);

        var first = LinearModelTrainer.Train(items, Options);
        var second = LinearModelTrainer.Train(items, Options);

        Assert.Equal(first.Biases, second.Biases);
        Assert.Equal(first.SignalWeights, second.SignalWeights);
        Assert.Equal(first.BucketWeights, second.BucketWeights);
        Assert.Equal(first.Name, second.Name);
    }

    [Fact]
    public void Other_data_gives_other_weights_and_another_version()
    {
        var first = LinearModelTrainer.Train(Items(300), Options);
        var second = LinearModelTrainer.Train(Items(400), Options);

        Assert.NotEqual(first.Name, second.Name);
    }

    [Fact]
    public void The_trained_model_fits_its_training_data_and_exports_in_class_order()
    {
        var items = Items(600);
        var model = LinearModelTrainer.Train(items, Options);
        var analyzer = new LearnedSentimentAnalyzer(model, new LexiconSentimentAnalyzer());

        var matrix = ConfusionMatrix.Of(items.Select(i => i.Label).ToArray(), items.Select(i => analyzer.Analyze(i.Text).Label).ToArray());

        // Far above the 0.33 of chance or of swapped classes: the exported weights are read in the right class order.
        Assert.True(matrix.MacroF1 > 0.7, $"macro-F1 on its own training data {matrix.MacroF1:F3}");
        Assert.True(model.UsedBuckets > 0);
    }

    [Fact]
    public void Class_balancing_weighs_every_class_of_a_file_alike()
    {
        var folder = Directory.CreateTempSubdirectory("train-data-").FullName;
        try
        {
            File.WriteAllLines(Path.Combine(folder, SentimentDataSets.EnglishTraining), ["negative\tbad", "neutral\tok", "neutral\tfine", "positive\tgood", "positive\tgreat", "positive\tsuper"]);
            foreach (var (file, _) in SentimentDataSets.TrainingFiles.Skip(1))
            {
                File.WriteAllLines(Path.Combine(folder, file), ["negative\tmal", "neutral\tasí", "positive\tbien"]);
            }

            var items = TrainingData.Read(folder, Options);

            var english = items.Where(i => i.Language == "en").ToList();
            foreach (var label in ConfusionMatrix.Labels)
            {
                Assert.Equal(2.0, english.Where(i => i.Label == label).Sum(i => i.Weight), 5);
            }

            Assert.All(items.Where(i => i.Language != "en"), i => Assert.Equal(Options.OtherLanguageWeight, i.Weight));
            Assert.Equal(6 + (7 * 3), items.Count);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
