namespace Insights.Topics.Tests;

using Insights.Topics.Modeling;
using Microsoft.Extensions.Options;

/// <summary>The trainer's contract apart from quality: deterministic, streaming, and quiet on days with little to go on.</summary>
public sealed class TopicModelTrainerTests
{
    private static readonly string[] Shipping =
    [
        "my package is still not shipped", "where is my package, shipping takes weeks", "the package tracking never updates",
        "package shipping to berlin took three weeks", "package arrived with tracking broken", "package delivery came late again",
    ];

    private static readonly string[] Flavour =
    [
        "the mango flavour tastes like summer", "new mango flavour in stores", "which flavour tastes sweeter",
        "mango flavour sold out at the store", "the flavour tastes fresh", "tried every flavour in the store",
    ];

    private static readonly string[] Song =
    [
        "what is the name of this song", "the song is on my playlist", "who sings this song, which artist",
        "this song and the beat drop", "need the full song on spotify", "the artist of the song is touring",
    ];

    // Each theme's own word ("song") is in a third of these comments, so the share that counts as everywhere is raised.
    private static TopicModelOptions Settings(int topics = 3) =>
        new() { Topics = topics, MinDocumentFrequency = 2, MaxDocumentShare = 0.5 };

    private static KMeansTopicModelTrainer Trainer(int topics = 3) => new(Options.Create(Settings(topics)));

    /// <summary><paramref name="count"/> comments cycling through the three themes' sentences.</summary>
    private static List<TopicDocument> Day(int count)
    {
        string[][] themes = [Shipping, Flavour, Song];
        return Enumerable.Range(0, count)
            .Select(i => new TopicDocument($"c{i:D6}", themes[i % 3][i / 3 % 6], "en"))
            .ToList();
    }

    [Fact]
    public void The_same_comments_give_the_same_topics_and_assignments()
    {
        var documents = Day(600);

        var first = Trainer().Fit(documents);
        var second = Trainer().Fit(documents.AsEnumerable().Reverse().ToList());

        Assert.Equal(first.Topics.Select(Describe), second.Topics.Select(Describe));
        Assert.Equal(first.Assign(documents), second.Assign(documents));
    }

    [Fact]
    public void Three_clear_themes_become_three_topics_named_by_their_words()
    {
        var documents = Day(600);

        var model = Trainer().Fit(documents);
        var assignments = model.Assign(documents).ToList();

        Assert.Equal(KMeansTopicModelTrainer.ModelName, model.Name);
        Assert.Equal(3, model.Topics.Count);
        Assert.Equal([0, 1, 2], model.Topics.Select(t => t.Index));
        // Every comment of a theme lands in the theme's one topic, and the three topics differ.
        var topicOfTheme = Enumerable.Range(0, 3).Select(theme => assignments[theme]!.Value.Topic).ToArray();
        Assert.Equal(3, topicOfTheme.Distinct().Count());
        for (var i = 0; i < documents.Count; i++)
        {
            Assert.Equal(topicOfTheme[i % 3], assignments[i]!.Value.Topic);
            Assert.InRange(assignments[i]!.Value.Weight, 0.0, 1.0);
        }

        Assert.Contains(model.Topics[topicOfTheme[0]].Terms, t => t.Term.Contains("package", StringComparison.Ordinal));
        Assert.Contains(model.Topics[topicOfTheme[1]].Terms, t => t.Term.Contains("flavour", StringComparison.Ordinal));
        Assert.Contains(model.Topics[topicOfTheme[2]].Terms, t => t.Term.Contains("song", StringComparison.Ordinal));
        foreach (var topic in model.Topics)
        {
            Assert.InRange(topic.Terms.Count, 1, new TopicModelOptions().TermsPerTopic);
            Assert.Equal(string.Join(" · ", topic.Terms.Take(3).Select(t => t.Term)), topic.Label);
        }
    }

    [Fact]
    public void No_comments_give_no_topics()
    {
        var model = Trainer().Fit([]);

        Assert.Empty(model.Topics);
        Assert.Empty(model.Assign([]));
    }

    [Fact]
    public void Too_few_comments_give_no_topics_and_no_assignments()
    {
        var documents = Day(5);

        var model = Trainer().Fit(documents);

        Assert.Empty(model.Topics);
        Assert.All(model.Assign(documents), a => Assert.Null(a));
    }

    [Fact]
    public void Fewer_comments_than_topics_need_fit_fewer_topics()
    {
        // 20 topics asked, 10 comments each needed, 60 comments: at most 6.
        var model = Trainer(topics: 20).Fit(Day(60));

        Assert.InRange(model.Topics.Count, 2, 6);
    }

    [Theory]
    [InlineData("😍😍🔥🔥")]
    [InlineData("@jane_doe @bob")]
    [InlineData("lol fyp omg")]
    [InlineData("a completely unrelated sentence about xylophones")]
    public void A_comment_with_nothing_the_model_knows_gets_no_topic(string text)
    {
        var model = Trainer().Fit(Day(600));

        var assignment = Assert.Single(model.Assign([new TopicDocument("x", text, "en")]));

        Assert.Null(assignment);
    }

    [Fact]
    public void Assign_streams_a_long_day_in_order()
    {
        var documents = Day(600);
        var model = Trainer().Fit(documents);
        var expected = model.Assign(documents.Take(3)).ToArray();
        var pulled = 0;

        IEnumerable<TopicDocument> Stream()
        {
            for (var i = 0; i < 10_003; i++)
            {
                pulled++;
                yield return documents[i % 3] with { Id = $"s{i}" };
            }
        }

        var count = 0;
        foreach (var assignment in model.Assign(Stream()))
        {
            // The first answers come before the whole day is read.
            Assert.True(count > 0 || pulled < 10_003, "Assign read every document before answering");
            Assert.Equal(expected[count % 3], assignment);
            count++;
        }

        Assert.Equal(10_003, count);
    }

    [Fact]
    public void A_larger_day_than_the_sample_limit_is_fitted_on_a_sample()
    {
        var options = Settings();
        options.MaxTrainingComments = 300;
        var documents = Day(3000);

        var model = new KMeansTopicModelTrainer(Options.Create(options)).Fit(documents);

        Assert.Equal(3, model.Topics.Count);
        Assert.DoesNotContain(null, model.Assign(documents));
    }

    private static string Describe(ModelTopic topic) =>
        $"{topic.Index} {topic.Label} {string.Join(",", topic.Terms.Select(t => $"{t.Term}={t.Weight}"))}";
}
