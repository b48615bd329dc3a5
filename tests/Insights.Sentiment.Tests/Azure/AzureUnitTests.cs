namespace Insights.Sentiment.Tests.Azure;

using System.Text;
using Insights.Sentiment.Azure;

public sealed class AzureUnitTests
{
    private const string Name = "azure-language/test";

    [Theory]
    [InlineData("positive", 0.7, 0.2, 0.1, SentimentLabel.Positive)]
    [InlineData("negative", 0.1, 0.2, 0.7, SentimentLabel.Negative)]
    [InlineData("neutral", 0.3, 0.4, 0.3, SentimentLabel.Neutral)]
    [InlineData("mixed", 0.51, 0.0, 0.49, SentimentLabel.Positive)]
    [InlineData("mixed", 0.49, 0.0, 0.51, SentimentLabel.Negative)]
    [InlineData("mixed", 0.5, 0.0, 0.5, SentimentLabel.Neutral)]
    public void Sentiments_map_to_labels(string sentiment, double positive, double neutral, double negative, SentimentLabel expected)
    {
        Assert.True(SentimentMapping.TryMap(sentiment, positive, neutral, negative, Name, out var result));
        Assert.Equal(expected, result.Label);
        Assert.Equal(positive - negative, result.Score, 10);
        Assert.Equal(Name, result.Analyzer);
    }

    [Fact]
    public void Probabilities_are_normalized_to_sum_one()
    {
        Assert.True(SentimentMapping.TryMap("positive", 0.5, 0.3, 0.2 - 0.01, Name, out var result));
        Assert.Equal(1.0, result.Positive + result.Neutral + result.Negative, 12);
        Assert.Equal(0.5 / 0.99, result.Positive, 12);
        Assert.Equal((0.5 - 0.19) / 0.99, result.Score, 12);
    }

    [Theory]
    [InlineData("unknown", 0.5, 0.5, 0.0)]
    [InlineData(null, 0.5, 0.5, 0.0)]
    [InlineData("positive", 0.0, 0.0, 0.0)]
    [InlineData("positive", -0.1, 0.5, 0.6)]
    [InlineData("positive", double.NaN, 0.5, 0.5)]
    public void Unusable_answers_are_refused(string? sentiment, double positive, double neutral, double negative)
    {
        Assert.False(SentimentMapping.TryMap(sentiment, positive, neutral, negative, Name, out _));
    }

    [Fact]
    public void Short_texts_are_sent_as_they_are()
    {
        Assert.Equal("hello 👋🏽", DocumentText.Prepare("hello 👋🏽", 5120, out var truncated));
        Assert.False(truncated);
    }

    [Fact]
    public void Truncation_never_splits_a_surrogate_pair_or_a_grapheme()
    {
        // 👨‍👩‍👧 is one text element of 8 UTF-16 characters.
        var family = "👨‍👩‍👧";
        var text = "ab" + family + "cd";
        Assert.Equal("ab", DocumentText.Prepare(text, 9, out var truncated));
        Assert.True(truncated);
        Assert.Equal("ab" + family, DocumentText.Prepare(text, 10, out _));
        Assert.Equal("ab" + family + "c", DocumentText.Prepare(text, 11, out _));
    }

    [Fact]
    public void A_single_grapheme_longer_than_the_limit_is_cut_at_a_code_point()
    {
        var zalgo = "e" + new string('\u0301', 100);
        var cut = DocumentText.Prepare(zalgo, 10, out var truncated);
        Assert.True(truncated);
        Assert.Equal(10, cut.Length);

        var emoji = string.Concat(Enumerable.Repeat("😀", 3));
        Assert.Equal(string.Empty, DocumentText.Prepare(emoji, 1, out _)); // one UTF-16 unit cannot hold 😀
        Assert.Equal("😀", DocumentText.Prepare(emoji, 3, out _));
    }

    [Fact]
    public void Lone_surrogates_become_replacement_characters()
    {
        Assert.Equal("a\uFFFDb\uFFFD", DocumentText.Prepare("a\uD800b\uDC00", 100, out _));
        Assert.Equal("ok 😀", DocumentText.Prepare("ok 😀", 100, out _));
    }

    [Fact]
    public void The_request_body_has_the_documented_shape()
    {
        var body = AnalyzeTextProtocol.WriteRequest(["one", "two \"quoted\" 😀"], ["en", "en"], "latest").ToString();
        Assert.Equal(
            "{\"kind\":\"SentimentAnalysis\",\"parameters\":{\"modelVersion\":\"latest\"},\"analysisInput\":{\"documents\":[" +
            "{\"id\":\"0\",\"language\":\"en\",\"text\":\"one\"},{\"id\":\"1\",\"language\":\"en\",\"text\":\"two \\\"quoted\\\" \\uD83D\\uDE00\"}]}}",
            body);
    }

    [Fact]
    public void The_documented_answer_is_read()
    {
        const string json = """
            {"kind":"SentimentAnalysisResults","results":{
              "documents":[{"id":"1","sentiment":"positive","confidenceScores":{"positive":0.9,"neutral":0.05,"negative":0.05},"sentences":[],"warnings":[]},
                           {"id":"2","sentiment":"mixed","confidenceScores":{"positive":0.4,"neutral":0.0,"negative":0.6},"sentences":[],"warnings":[]},
                           {"id":"7","sentiment":"positive","confidenceScores":{"positive":1,"neutral":0,"negative":0}}],
              "errors":[{"id":"0","error":{"code":"InvalidArgument","message":"Invalid document in request.","innererror":{"code":"InvalidDocument","message":"Document text is empty."}}}],
              "modelVersion":"2022-11-01"}}
            """;
        var outcomes = AnalyzeTextProtocol.ReadResponse(BinaryData.FromString(json), 4, Name);

        Assert.Equal("InvalidDocument", outcomes[0].ErrorCode);
        Assert.Equal("Document text is empty.", outcomes[0].ErrorMessage);
        Assert.Equal(SentimentLabel.Positive, outcomes[1].Result?.Label);
        Assert.Equal(SentimentLabel.Negative, outcomes[2].Result?.Label);
        Assert.Equal(-0.2, outcomes[2].Result!.Score, 10);
        Assert.Equal("Missing", outcomes[3].ErrorCode); // id 7 is out of range and ignored; 3 never answered
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("{}")]
    [InlineData("{\"kind\":\"EntityRecognitionResults\",\"results\":{\"documents\":[]}}")]
    [InlineData("not json")]
    public void Answers_of_another_shape_are_refused(string json)
    {
        Assert.Throws<InvalidDataException>(() => AnalyzeTextProtocol.ReadResponse(BinaryData.FromString(json), 1, Name));
    }

    [Fact]
    public void Valid_options_pass()
    {
        new AzureLanguageOptions { Endpoint = new Uri("https://x.cognitiveservices.azure.com/") }.Validate();
        new AzureLanguageOptions { Endpoint = new Uri("http://127.0.0.1:5000/"), Key = "k" }.Validate();
    }

    [Theory]
    [InlineData(null, "k", "Insights:Sentiment:Azure:Endpoint is required")]
    [InlineData("http://127.0.0.1:1/", null, "must use https when no Insights:Sentiment:Azure:Key is set")]
    [InlineData("ftp://x/", "k", "must be an absolute http(s) URL")]
    public void Endpoint_problems_name_the_key(string? endpoint, string? key, string message)
    {
        var options = new AzureLanguageOptions { Endpoint = endpoint is null ? null : new Uri(endpoint), Key = key };
        Assert.Contains(message, Assert.Throws<InvalidOperationException>(() => options.Validate()).Message);
    }

    [Fact]
    public void Limits_above_the_service_limits_are_refused()
    {
        var options = new AzureLanguageOptions { Endpoint = new Uri("https://x/"), MaxDocumentsPerRequest = 11, MaxDocumentLength = 6000, MaxConcurrentRequests = 0 };
        var message = Assert.Throws<InvalidOperationException>(() => options.Validate("S")).Message;
        Assert.Contains("S:MaxDocumentsPerRequest 11 must be 1 to 10", message);
        Assert.Contains("S:MaxDocumentLength 6000 must be 1 to 5120", message);
        Assert.Contains("S:MaxConcurrentRequests 0 must be at least 1", message);
    }

    [Fact]
    public void Options_are_copied_so_later_changes_are_not_seen()
    {
        var options = new AzureLanguageOptions { Endpoint = new Uri("https://x/"), Key = "k" };
        var analyzer = new AzureLanguageSentimentAnalyzer(options, new LexiconSentimentAnalyzer());
        options.ApiVersion = "changed";
        Assert.Equal("azure-language/2023-04-01", analyzer.Name);
        Assert.Equal("2023-04-01", analyzer.Options.ApiVersion);
    }

    [Fact]
    public void Request_bodies_are_utf8()
    {
        var body = AnalyzeTextProtocol.WriteRequest(["é"], ["en"], "latest").ToArray();
        Assert.Contains("\"text\":\"é\"", Encoding.UTF8.GetString(body));
    }
}
