namespace Insights.Topics.Tests;

using Insights.Topics.Modeling;

public sealed class TopicTermsTests
{
    private static readonly string[] Terms = ["customer", "service", "customer service", "refund", "giveaway", "entering giveaway", "entering"];

    private static readonly float[][] Centroids =
    [
        [0.5f, 0.5f, 0.45f, 0.3f, 0, 0, 0],
        [0, 0, 0, 0, 0.8f, 0.3f, 0.2f],
    ];

    [Fact]
    public void A_word_that_mostly_comes_with_its_partner_is_shown_as_the_pair()
    {
        var topic = TopicTerms.Describe(Centroids, Terms, termsPerTopic: 10)[0];

        Assert.Equal(["customer service", "refund"], topic.Terms.Select(t => t.Term));
        Assert.Equal([0.45, 0.3], topic.Terms.Select(t => Math.Round(t.Weight, 2)));
        Assert.Equal("customer service · refund", topic.Label);
    }

    [Fact]
    public void A_pair_half_shown_adds_only_its_other_word()
    {
        var topic = TopicTerms.Describe(Centroids, Terms, termsPerTopic: 10)[1];

        Assert.Equal(1, topic.Index);
        Assert.Equal("giveaway · entering", topic.Label);
    }

    [Fact]
    public void Terms_are_capped_and_the_label_takes_the_first_three()
    {
        string[] terms = ["alpha", "bravo", "charlie", "delta", "echo"];
        float[][] centroids = [[0.9f, 0.8f, 0.7f, 0.6f, 0.5f], [0, 0, 0, 0, 0.1f]];

        var topic = TopicTerms.Describe(centroids, terms, termsPerTopic: 4)[0];

        Assert.Equal(["alpha", "bravo", "charlie", "delta"], topic.Terms.Select(t => t.Term));
        Assert.Equal("alpha · bravo · charlie", topic.Label);
    }

    [Fact]
    public void Words_every_topic_shares_do_not_name_one()
    {
        string[] terms = ["everywhere", "mango", "song"];
        float[][] centroids = [[0.6f, 0.5f, 0], [0.6f, 0, 0.5f]];

        var topics = TopicTerms.Describe(centroids, terms, termsPerTopic: 10);

        Assert.Equal("mango", topics[0].Label);
        Assert.Equal("song", topics[1].Label);
    }

    [Fact]
    public void A_misspelling_of_a_shown_word_is_left_out()
    {
        string[] terms = ["fell", "fel", "hard", "funy"];
        float[][] centroids = [[0.8f, 0.4f, 0.3f, 0.2f], [0, 0, 0, 0]];

        var topic = TopicTerms.Describe(centroids, terms, termsPerTopic: 10)[0];

        Assert.Equal(["fell", "hard", "funy"], topic.Terms.Select(t => t.Term));
    }

    [Theory]
    [InlineData("fell", "fel", true)]
    [InlineData("funny", "funy", true)]
    [InlineData("price", "prie", true)]
    [InlineData("giveaway", "giveawaay", true)]
    [InlineData("this", "tihs", true)]
    [InlineData("size", "sise", false)]
    [InlineData("song", "song", false)]
    [InlineData("size", "sizes", true)]
    [InlineData("song", "sing", false)]
    [InlineData("price", "prize", false)]
    [InlineData("order", "border", true)]
    [InlineData("mango", "tango", false)]
    [InlineData("flavour", "flavor", true)]
    [InlineData("shipping", "shopping", false)]
    [InlineData("refund", "return", false)]
    [InlineData("filter", "flitre", false)]
    public void One_edit_apart(string a, string b, bool expected)
    {
        Assert.Equal(expected, TopicTerms.OneEditApart(a, b));
        Assert.Equal(expected, TopicTerms.OneEditApart(b, a));
    }

    [Fact]
    public void A_label_leaves_out_terms_that_repeat_a_word_it_already_has()
    {
        WeightedTerm[] terms = [new("shipping", 0.5), new("package shipping", 0.4), new("shipping package", 0.3), new("package", 0.2), new("late", 0.1), new("order", 0.05)];

        Assert.Equal("shipping · package · late", TopicTerms.Label(terms));
        Assert.Equal("customer service · refund", TopicTerms.Label([new("customer service", 0.5), new("service", 0.4), new("refund", 0.3)]));
        Assert.Equal("", TopicTerms.Label([]));
    }
}
