namespace Insights.Sentiment.Tests.Evaluation;

using Insights.Sentiment.Evaluation;

public sealed class EvaluationTests
{
    private const SentimentLabel N = SentimentLabel.Negative;
    private const SentimentLabel O = SentimentLabel.Neutral;
    private const SentimentLabel P = SentimentLabel.Positive;

    [Fact]
    public void Scores_match_a_hand_computed_example()
    {
        // gold:      N N N O O P P P P P
        // predicted: N N O O P P P P O N
        var matrix = ConfusionMatrix.Of([N, N, N, O, O, P, P, P, P, P], [N, N, O, O, P, P, P, P, O, N]);

        Assert.Equal(10, matrix.Total);
        Assert.Equal(2, matrix[N, N]);
        Assert.Equal(1, matrix[N, O]);
        Assert.Equal(1, matrix[P, N]);
        Assert.Equal(0.6, matrix.Accuracy, 12);
        // Precision N 2/3, O 1/3, P 3/4; recall N 2/3, O 1/2, P 3/5.
        Assert.Equal(2.0 / 3, matrix.F1(N), 12);
        Assert.Equal(2 * (1.0 / 3) * 0.5 / (1.0 / 3 + 0.5), matrix.F1(O), 12);
        Assert.Equal(2 * 0.75 * 0.6 / 1.35, matrix.F1(P), 12);
        Assert.Equal((2.0 / 3 + 0.5 + 0.6) / 3, matrix.MacroRecall, 12);
        Assert.Equal((matrix.F1(N) + matrix.F1(O) + matrix.F1(P)) / 3, matrix.MacroF1, 12);
    }

    [Fact]
    public void Classes_never_predicted_or_absent_count_as_zero()
    {
        var matrix = ConfusionMatrix.Of([P, P, O], [P, P, P]);
        Assert.Equal(0, matrix.Precision(O));
        Assert.Equal(0, matrix.Recall(N));
        Assert.Equal(0, matrix.F1(N));
        Assert.Equal((1.0 + 0 + 0) / 3, matrix.MacroRecall, 12);
        Assert.Equal(0, new ConfusionMatrix().Accuracy);
    }

    [Fact]
    public void Lengths_must_agree()
    {
        Assert.Throws<ArgumentException>(() => ConfusionMatrix.Of([P], [P, N]));
    }

    [Fact]
    public void Files_are_read_with_their_line_numbers()
    {
        var items = LabelledTextFile.Read(new StringReader("positive\tgreat\n\nnegative\tawful\tand tabbed\nneutral\t\n"), "x.tsv");
        Assert.Equal(
            [new LabelledText(P, "great", 1), new LabelledText(N, "awful\tand tabbed", 3), new LabelledText(O, "", 4)],
            items);
    }

    [Theory]
    [InlineData("positive\tok\nno tab here\n", "x.tsv:2: no tab")]
    [InlineData("positive\tok\nPositive\tok\n", "x.tsv:2: unknown label 'Positive'")]
    [InlineData("pos\tok\n", "x.tsv:1: unknown label 'pos'")]
    public void Bad_lines_are_reported_with_file_and_line(string content, string message)
    {
        var error = Assert.Throws<InvalidDataException>(() => LabelledTextFile.Read(new StringReader(content), "x.tsv"));
        Assert.StartsWith(message, error.Message);
    }

    [Fact]
    public void The_data_folder_is_found_from_inside_the_repository()
    {
        var root = DevelopmentData.FindRepositoryRoot([AppContext.BaseDirectory]);
        Assert.NotNull(root);
        Assert.True(File.Exists(Path.Combine(root, "Insights.sln")));
        Assert.Null(DevelopmentData.FindRepositoryRoot([Path.GetPathRoot(AppContext.BaseDirectory)!]));
        Assert.Equal(DevelopmentData.FindFolder([AppContext.BaseDirectory]), DevelopmentData.FindFolder([Path.GetTempPath(), AppContext.BaseDirectory]));
    }

    [Fact]
    public void The_carried_file_is_found_in_any_clone_and_a_shared_copy_wins()
    {
        var carried = Path.Combine(DevelopmentData.FindCarriedFolder([AppContext.BaseDirectory])!, "vader_tweets.tsv");
        Assert.True(File.Exists(carried));
        var found = DevelopmentData.FindFiles([AppContext.BaseDirectory]);
        Assert.Single(found, f => Path.GetFileName(f) == "vader_tweets.tsv");
        var shared = DevelopmentData.FindFolder([AppContext.BaseDirectory]);
        Assert.Equal(shared is null ? carried : Path.Combine(shared, "vader_tweets.tsv"), found.Single(f => Path.GetFileName(f) == "vader_tweets.tsv"));
        Assert.Equal(found.Select(Path.GetFileName).Order(StringComparer.Ordinal), found.Select(Path.GetFileName));
        Assert.Empty(DevelopmentData.FindFiles([Path.GetPathRoot(AppContext.BaseDirectory)!]));
    }
}
