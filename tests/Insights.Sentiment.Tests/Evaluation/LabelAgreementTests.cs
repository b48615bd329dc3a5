namespace Insights.Sentiment.Tests.Evaluation;

using Insights.Sentiment.Evaluation;
using Insights.Sentiment.Tests.Support;

/// <summary>How two labelled files agree on the texts they share.</summary>
public sealed class LabelAgreementTests
{
    private static readonly LabelledText[] Reference =
    [
        new(SentimentLabel.Positive, "I really love this song so much", 1),
        new(SentimentLabel.Negative, "worst match of the season honestly", 2),
        new(SentimentLabel.Neutral, "the meeting starts at nine tomorrow", 3),
        new(SentimentLabel.Positive, "what a goal by the captain tonight", 4),
        new(SentimentLabel.Positive, "lol", 5),
    ];

    private static readonly LabelledText[] File =
    [
        new(SentimentLabel.Positive, "i really love this song so much!!! @someone", 1),
        new(SentimentLabel.Neutral, "Worst match of the season, honestly http://t.co/x", 2),
        new(SentimentLabel.Neutral, "the meeting starts at nine tomorrow", 3),
        new(SentimentLabel.Negative, "what a goal by the captain tonight", 4),
        new(SentimentLabel.Negative, "I really love this song so much", 5), // the same text again: counted once, first label
        new(SentimentLabel.Negative, "lol", 6), // too short to tell one tweet from another
        new(SentimentLabel.Negative, "not in the reference file at all", 7),
    ];

    [Fact]
    public void Counts_each_shared_text_once_with_this_files_label_as_gold_and_the_references_as_predicted()
    {
        var agreement = LabelAgreement.Measure("file.tsv", File, "reference.tsv", Reference);

        Assert.Equal(4, agreement.SharedTexts);
        Assert.Equal(1, agreement.Matrix[SentimentLabel.Positive, SentimentLabel.Positive]);
        Assert.Equal(1, agreement.Matrix[SentimentLabel.Neutral, SentimentLabel.Negative]);
        Assert.Equal(1, agreement.Matrix[SentimentLabel.Neutral, SentimentLabel.Neutral]);
        Assert.Equal(1, agreement.Matrix[SentimentLabel.Negative, SentimentLabel.Positive]);
        Assert.Equal(0.5, agreement.Agreement, 12);

        // Chance: gold 1 positive, 2 neutral, 1 negative; reference 2, 1, 1 of 4: (2 + 2 + 1) / 16 = 5/16.
        // Kappa (1/2 - 5/16) / (1 - 5/16) = 3/11.
        Assert.Equal(3.0 / 11, agreement.Kappa, 12);
    }

    [Fact]
    public void Identical_labels_have_kappa_one_and_no_shared_text_kappa_zero()
    {
        Assert.Equal(1, LabelAgreement.Measure("a", Reference, "b", Reference).Kappa, 12);
        var none = LabelAgreement.Measure("a", [new(SentimentLabel.Positive, "nothing like the other file", 1)], "b", Reference);
        Assert.Equal(0, none.SharedTexts);
        Assert.Equal(0, none.Kappa);
    }

    [Fact]
    public void Lists_the_xlmt_files_that_share_texts_with_the_english_training_file()
    {
        var folder = Directory.CreateTempSubdirectory("agreement-").FullName;
        try
        {
            Assert.Empty(LabelAgreement.ReadAgainstEnglishTraining(folder));

            System.IO.File.WriteAllLines(Path.Combine(folder, "semeval_train.tsv"), Reference.Select(r => $"{r.Gold.ToString().ToLowerInvariant()}\t{r.Text}"));
            System.IO.File.WriteAllLines(Path.Combine(folder, "xlmt_hi_train.tsv"), ["negative\twhat a goal by the captain tonight", "positive\tkya baat hai yaar"]);
            System.IO.File.WriteAllLines(Path.Combine(folder, "xlmt_de_val.tsv"), ["positive\tsuper gemacht, wirklich"]);

            var found = Assert.Single(LabelAgreement.ReadAgainstEnglishTraining(folder));
            Assert.Equal("xlmt_hi_train.tsv", found.File);
            Assert.Equal(1, found.SharedTexts);
            Assert.Equal(0, found.Agreement);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>
    /// Why no model reaches the Hindi goal on these files: on the texts the Hindi files share with the English training
    /// file (English tweets inside the Hindi set), the two label alike about as often as chance would, while the
    /// English XLM-T file agrees with it on nearly every shared text. Sentiment/README.md quotes these figures.
    /// </summary>
    [SharedDataFact]
    public void The_hindi_files_agree_with_the_english_training_labels_about_as_chance_does_and_the_english_file_almost_always()
    {
        var folder = DevelopmentData.FindFolder([AppContext.BaseDirectory])!;
        var agreements = LabelAgreement.ReadAgainstEnglishTraining(folder).ToDictionary(a => a.File);

        var english = agreements["xlmt_en_train.tsv"];
        Assert.True(english.SharedTexts >= 400 && english.Agreement > 0.99, $"en: {english.SharedTexts} shared, {english.Agreement:P1} alike");

        foreach (var file in new[] { "xlmt_hi_train.tsv", "xlmt_hi_val.tsv" })
        {
            var hindi = agreements[file];
            Assert.True(hindi.SharedTexts >= 10 && hindi.Kappa < 0.15 && hindi.Matrix.MacroF1 < 0.5, $"{file}: {hindi.SharedTexts} shared, {hindi.Agreement:P1} alike, kappa {hindi.Kappa:F3}");
        }
    }
}
