namespace Insights.Sentiment.Tests.Evaluation;

using Insights.Sentiment.Evaluation;

/// <summary>Which items validate which language, and that items seen in training are left out.</summary>
public sealed class LanguageValidationTests
{
    [Fact]
    public async Task Each_language_reads_its_files_and_leaves_out_texts_a_training_file_has()
    {
        var folder = Directory.CreateTempSubdirectory("validation-").FullName;
        try
        {
            File.WriteAllLines(Path.Combine(folder, "semeval_train.tsv"), ["positive\tI LOVE it @someone http://t.co/x", "negative\tawful"]);
            File.WriteAllLines(Path.Combine(folder, "tweeteval_val.tsv"), ["positive\ti love it!", "neutral\twhat song is this"]);
            File.WriteAllLines(Path.Combine(folder, "vader_tweets.tsv"), ["negative\tthis is terrible"]);
            File.WriteAllLines(Path.Combine(folder, "xlmt_de_val.tsv"), ["positive\tsuper", "negative\tschlecht"]);

            var sets = LanguageValidation.Read(folder);

            // English has both files, then each on its own; German its one file; languages without files are absent.
            Assert.Equal(["en", "en (tweeteval_val)", "en (vader_tweets)", "de"], sets.Select(s => s.Name).OrderBy(n => n.StartsWith("de", StringComparison.Ordinal)).ToArray());
            var english = sets.Single(s => s.Name == "en");
            Assert.Equal(1, english.LeftOut); // "i love it!" is "I LOVE it @someone http://..." without user, link and punctuation
            Assert.Equal(["what song is this", "this is terrible"], english.Items.Select(i => i.Text));

            var matrix = await sets.Single(s => s.Name == "de").ScoreAsync(new LexiconSentimentAnalyzer());
            Assert.Equal(2, matrix.Total);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Theory]
    [InlineData("I LOVE it @someone http://t.co/x", "iloveit")]
    [InlineData("  i love it!!! ", "iloveit")]
    [InlineData("Ça va?", "çava")]
    public void Overlap_keys_ignore_case_users_links_and_punctuation(string text, string key) =>
        Assert.Equal(key, OverlapKey.Of(text));
}
