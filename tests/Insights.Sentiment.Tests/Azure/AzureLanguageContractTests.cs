namespace Insights.Sentiment.Tests.Azure;

using System.Diagnostics;
using System.Globalization;
using System.Net;
using global::Azure;
using global::Azure.Core;
using global::Azure.Core.Pipeline;
using Insights.Sentiment.Azure;
using Insights.Testing;

/// <summary>
/// The Azure analyzer against a stub of the documented REST contract, served on 127.0.0.1 by Kestrel: request
/// shape and limits, documented answers, per-document errors, retries, timeouts. Never calls Azure.
/// </summary>
public sealed class AzureLanguageContractTests : IAsyncLifetime
{
    private static readonly LexiconSentimentAnalyzer Local = new();
    private LanguageServiceStub stub = null!;

    public async Task InitializeAsync() => stub = await LanguageServiceStub.StartAsync();

    public async Task DisposeAsync() => await stub.DisposeAsync();

    internal static AzureLanguageOptions Options(Uri endpoint) => new()
    {
        Endpoint = endpoint,
        Key = LanguageServiceStub.Key,
        RetryDelay = TimeSpan.FromMilliseconds(10),
        MaxRetryDelay = TimeSpan.FromSeconds(3),
        Timeout = TimeSpan.FromSeconds(10),
        NetworkTimeout = TimeSpan.FromSeconds(5),
    };

    private AzureLanguageSentimentAnalyzer Analyzer(Action<AzureLanguageOptions>? configure = null)
    {
        var options = Options(stub.Endpoint);
        configure?.Invoke(options);
        return new AzureLanguageSentimentAnalyzer(options, Local);
    }

    [Fact]
    public async Task Requests_have_the_documented_shape_and_key_header()
    {
        var results = await Analyzer().AnalyzeAsync(["this is good", "this is bad", "what song is this"]);

        var request = Assert.Single(stub.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal(LanguageServiceStub.AnalyzePath, request.Path);
        Assert.Equal("2023-04-01", request.ApiVersion);
        Assert.Equal(LanguageServiceStub.Key, request.Header("Ocp-Apim-Subscription-Key"));
        Assert.Null(request.Header("Authorization"));
        Assert.StartsWith("application/json", request.Header("Content-Type"));
        Assert.Equal("SentimentAnalysis", request.Kind);
        Assert.Equal("latest", request.ModelVersion);
        Assert.Equal(["0", "1", "2"], request.Documents.Select(d => d.Id));
        Assert.All(request.Documents, d => Assert.Equal("en", d.Language));
        Assert.Equal(["this is good", "this is bad", "what song is this"], request.Documents.Select(d => d.Text));

        Assert.Equal([SentimentLabel.Positive, SentimentLabel.Negative, SentimentLabel.Neutral], results.Select(r => r.Label));
        Assert.All(results, r => Assert.Equal("azure-language/2023-04-01", r.Analyzer));
    }

    [Fact]
    public async Task Api_version_is_configurable_and_names_the_analyzer()
    {
        var analyzer = Analyzer(o => o.ApiVersion = "2024-11-01");
        var results = await analyzer.AnalyzeAsync(["good"]);

        Assert.Equal("2024-11-01", Assert.Single(stub.Requests).ApiVersion);
        Assert.Equal("azure-language/2024-11-01", analyzer.Name);
        Assert.Equal("azure-language/2024-11-01", results[0].Analyzer);
    }

    [Fact]
    public async Task Non_ascii_text_arrives_intact()
    {
        const string text = "c'est trop bien 😍🔥 — good «vraiment» \"quoted\" \\ back\tslash";
        await Analyzer().AnalyzeAsync([text]);
        Assert.Equal(text, Assert.Single(Assert.Single(stub.Requests).Documents).Text);
    }

    [Fact]
    public async Task At_most_ten_documents_go_in_one_request_and_results_keep_their_order()
    {
        var texts = Enumerable.Range(0, 25).Select(i => i % 2 == 0 ? $"good {i}" : $"bad {i}").ToArray();
        var results = await Analyzer().AnalyzeAsync(texts);

        var requests = stub.Requests;
        Assert.Equal(3, requests.Count);
        Assert.All(requests, r => Assert.InRange(r.Documents.Count, 1, 10));
        Assert.Equal(texts.Order(), requests.SelectMany(r => r.Documents).Select(d => d.Text).Order());
        for (var i = 0; i < texts.Length; i++)
        {
            Assert.Equal(i % 2 == 0 ? SentimentLabel.Positive : SentimentLabel.Negative, results[i].Label);
        }
    }

    [Fact]
    public async Task A_smaller_request_size_is_honoured()
    {
        await Analyzer(o => o.MaxDocumentsPerRequest = 4).AnalyzeAsync(Enumerable.Range(0, 10).Select(i => $"text {i}").ToArray());
        Assert.Equal([4, 4, 2], stub.Requests.Select(r => r.Documents.Count).Order().Reverse());
    }

    [Fact]
    public async Task Long_texts_are_truncated_at_a_text_element_boundary_within_5120_characters()
    {
        // "👍🏽" is one text element of four UTF-16 characters; 5120 / 4 = 1280 fit exactly, so start one char later.
        var thumbs = "x" + string.Concat(Enumerable.Repeat("👍🏽", 2000));
        var accents = new string('a', 5119) + "e\u0301\u0301 tail";
        var results = await Analyzer().AnalyzeAsync([thumbs, accents, "short"]);

        var documents = Assert.Single(stub.Requests).Documents;
        Assert.All(documents, d => Assert.True(d.Text.Length <= 5120, $"{d.Text.Length} characters sent"));
        Assert.Equal(1 + 1279 * 4, documents[0].Text.Length);
        Assert.StartsWith(documents[0].Text, thumbs, StringComparison.Ordinal);
        Assert.Equal(1 + 1279, new StringInfo(documents[0].Text).LengthInTextElements);
        Assert.Equal(new string('a', 5119), documents[1].Text);
        Assert.Equal("short", documents[2].Text);
        Assert.Equal(3, results.Count);
    }

    [Fact]
    public async Task Documented_answers_map_to_labels_scores_and_probabilities()
    {
        stub.Respond = LanguageServiceStub.Success(d => d.Text switch
        {
            "p" => new StubVerdict("positive", 0.9, 0.05, 0.05),
            "n" => new StubVerdict("negative", 0.01, 0.01, 0.97), // sums to 0.99: normalized
            _ => new StubVerdict("neutral", 0.2, 0.7, 0.1),
        });
        var results = await Analyzer().AnalyzeAsync(["p", "n", "z"]);

        Assert.Equal(SentimentLabel.Positive, results[0].Label);
        Assert.Equal(0.85, results[0].Score, 10);
        Assert.Equal((0.9, 0.05, 0.05), (results[0].Positive, results[0].Neutral, results[0].Negative));
        Assert.Equal(SentimentLabel.Negative, results[1].Label);
        Assert.Equal((0.01 - 0.97) / 0.99, results[1].Score, 10);
        Assert.Equal(0.97 / 0.99, results[1].Negative, 10);
        Assert.Equal(SentimentLabel.Neutral, results[2].Label);
        Assert.Equal(0.1, results[2].Score, 10);
        Assert.All(results, r => Assert.Equal(1.0, r.Positive + r.Neutral + r.Negative, 10));
    }

    [Fact]
    public async Task Mixed_takes_the_label_of_the_larger_polar_confidence()
    {
        stub.Respond = LanguageServiceStub.Success(d => d.Text switch
        {
            "more positive" => new StubVerdict("mixed", 0.55, 0.0, 0.45),
            "more negative" => new StubVerdict("mixed", 0.3, 0.1, 0.6),
            _ => new StubVerdict("mixed", 0.5, 0.0, 0.5),
        });
        var results = await Analyzer().AnalyzeAsync(["more positive", "more negative", "even"]);

        Assert.Equal(SentimentLabel.Positive, results[0].Label);
        Assert.Equal(0.1, results[0].Score, 10);
        Assert.Equal(SentimentLabel.Negative, results[1].Label);
        Assert.Equal(-0.3, results[1].Score, 10);
        Assert.Equal(SentimentLabel.Neutral, results[2].Label);
        Assert.Equal(0, results[2].Score, 10);
        Assert.All(results, r => Assert.Equal("azure-language/2023-04-01", r.Analyzer));
    }

    [Fact]
    public async Task Documents_rejected_one_by_one_are_scored_locally_and_say_so()
    {
        var analyzer = Analyzer();
        var results = await analyzer.AnalyzeAsync(["good", "reject this amazing thing", "bad", "reject"]);

        Assert.Equal("azure-language/2023-04-01", results[0].Analyzer);
        Assert.Equal(LexiconSentimentAnalyzer.AnalyzerName, results[1].Analyzer);
        Assert.Equal(Local.Analyze("reject this amazing thing"), results[1]);
        Assert.Equal("azure-language/2023-04-01", results[2].Analyzer);
        Assert.Equal(LexiconSentimentAnalyzer.AnalyzerName, results[3].Analyzer);
        Assert.Equal(2, analyzer.Statistics.DocumentErrors);
        Assert.Single(stub.Requests);
    }

    [Fact]
    public async Task Documents_missing_from_the_answer_are_scored_locally()
    {
        stub.Respond = request => new StubReply(200, LanguageServiceStub.SuccessBody(request.Documents.Take(1).ToList(), LanguageServiceStub.DefaultVerdict));
        var results = await Analyzer().AnalyzeAsync(["good", "lovely day"]);

        Assert.Equal("azure-language/2023-04-01", results[0].Analyzer);
        Assert.Equal(Local.Analyze("lovely day"), results[1]);
    }

    [Fact]
    public async Task Blank_texts_are_not_sent()
    {
        var analyzer = Analyzer();
        var results = await analyzer.AnalyzeAsync(["", "  ", "good"]);

        Assert.Equal(["good"], Assert.Single(stub.Requests).Documents.Select(d => d.Text));
        Assert.Equal(SentimentLabel.Neutral, results[0].Label);
        Assert.Equal(LexiconSentimentAnalyzer.AnalyzerName, results[1].Analyzer);
        Assert.Equal(2, analyzer.Statistics.BlankTexts);

        Assert.Empty(await analyzer.AnalyzeAsync([]));
        Assert.Single(stub.Requests);
    }

    [Fact]
    public async Task A_429_is_retried_after_its_Retry_After()
    {
        stub.Respond = request => request.Number == 1
            ? LanguageServiceStub.Error(429, "TooManyRequests", new Dictionary<string, string> { ["Retry-After"] = "1" })
            : LanguageServiceStub.Success()(request);
        var analyzer = Analyzer();
        var results = await analyzer.AnalyzeAsync(["good"]);

        var requests = stub.Requests;
        Assert.Equal(2, requests.Count);
        var gap = Stopwatch.GetElapsedTime(requests[0].Timestamp, requests[1].Timestamp);
        Assert.True(gap >= TimeSpan.FromMilliseconds(950), $"retried after {gap.TotalMilliseconds} ms");
        Assert.Equal(requests[0].Body, requests[1].Body);
        Assert.Equal(LanguageServiceStub.Key, requests[1].Header("Ocp-Apim-Subscription-Key"));
        Assert.Equal("azure-language/2023-04-01", results[0].Analyzer);
        Assert.Equal(1, analyzer.Statistics.Retries);
        Assert.Equal(0, analyzer.Statistics.FailedRequests);
    }

    [Fact]
    public async Task A_503_is_retried_with_backoff_then_succeeds()
    {
        stub.Respond = request => request.Number <= 2 ? LanguageServiceStub.Error(503, "ServiceUnavailable") : LanguageServiceStub.Success()(request);
        var results = await Analyzer(o => o.RetryDelay = TimeSpan.FromMilliseconds(100)).AnalyzeAsync(["bad"]);

        var requests = stub.Requests;
        Assert.Equal(3, requests.Count);
        var first = Stopwatch.GetElapsedTime(requests[0].Timestamp, requests[1].Timestamp);
        var second = Stopwatch.GetElapsedTime(requests[1].Timestamp, requests[2].Timestamp);
        Assert.True(first >= TimeSpan.FromMilliseconds(70), $"first retry after {first.TotalMilliseconds} ms");
        Assert.True(second >= TimeSpan.FromMilliseconds(140), $"second retry after {second.TotalMilliseconds} ms (backoff doubles)");
        Assert.Equal(SentimentLabel.Negative, results[0].Label);
    }

    [Fact]
    public async Task A_persistent_503_surfaces_after_the_retries()
    {
        stub.Respond = _ => LanguageServiceStub.Error(503, "ServiceUnavailable");
        var analyzer = Analyzer(o => o.MaxRetries = 2);

        var failure = await Assert.ThrowsAsync<RequestFailedException>(async () => await analyzer.AnalyzeAsync(["good"]));
        Assert.Equal(503, failure.Status);
        Assert.Equal(3, stub.Requests.Count);
        Assert.Equal(1, analyzer.Statistics.FailedRequests);
    }

    [Fact]
    public async Task A_Retry_After_longer_than_allowed_is_not_waited_for()
    {
        stub.Respond = _ => LanguageServiceStub.Error(429, "TooManyRequests", new Dictionary<string, string> { ["Retry-After"] = "60" });
        var watch = Stopwatch.StartNew();

        var failure = await Assert.ThrowsAsync<RequestFailedException>(async () => await Analyzer().AnalyzeAsync(["good"]));
        Assert.Equal(429, failure.Status);
        Assert.Single(stub.Requests);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(30), $"took {watch.Elapsed}: it waited for the 60 s Retry-After");
    }

    [Fact]
    public async Task Client_errors_are_not_retried()
    {
        stub.Respond = _ => LanguageServiceStub.Error(401, "401");
        var failure = await Assert.ThrowsAsync<RequestFailedException>(async () => await Analyzer().AnalyzeAsync(["good"]));
        Assert.Equal(401, failure.Status);
        Assert.Single(stub.Requests);
    }

    [Fact]
    public async Task An_unreadable_answer_fails_the_request()
    {
        stub.Respond = _ => new StubReply(200, "{\"kind\":\"SomethingElse\",\"results\":{}}");
        await Assert.ThrowsAsync<InvalidDataException>(async () => await Analyzer().AnalyzeAsync(["good"]));

        stub.Respond = _ => new StubReply(200, "<html>not json</html>");
        await Assert.ThrowsAsync<InvalidDataException>(async () => await Analyzer().AnalyzeAsync(["good"]));
    }

    [Fact]
    public async Task A_request_slower_than_the_timeout_fails_with_a_timeout()
    {
        stub.Respond = _ => new StubReply(200, "{}", Delay: TimeSpan.FromSeconds(60));
        var analyzer = Analyzer(o =>
        {
            // The request's budget is many attempts long so that a loaded CI machine still starts a second one;
            // the claim is about what happens, not how fast.
            o.Timeout = TimeSpan.FromSeconds(4);
            o.NetworkTimeout = TimeSpan.FromMilliseconds(300);
            // And the retries outlast the budget (11 attempts of 0.3 s and growing waits): with the default 3, an
            // unloaded machine ends all four attempts within 1.3 s and the retries, not the budget, end the request.
            o.MaxRetries = 10;
        });
        var watch = Stopwatch.StartNew();

        await Assert.ThrowsAsync<TimeoutException>(async () => await analyzer.AnalyzeAsync(["good"]));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(20), $"took {watch.Elapsed}");
        Assert.True(stub.Requests.Count >= 2, "the attempt that timed out is retried within the request's time");
    }

    [Fact]
    public async Task A_refused_connection_surfaces_after_the_retries()
    {
        var analyzer = new AzureLanguageSentimentAnalyzer(Options(LanguageServiceStub.RefusingEndpoint()), Local);
        await Assert.ThrowsAsync<RequestFailedException>(async () => await analyzer.AnalyzeAsync(["good"]));
        Assert.Equal(3, analyzer.Statistics.Retries);
        Assert.Equal(1, analyzer.Statistics.FailedRequests);
    }

    [Fact]
    public async Task The_caller_can_cancel()
    {
        stub.Respond = _ => new StubReply(200, "{}", Delay: TimeSpan.FromSeconds(10));
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await Analyzer().AnalyzeAsync(["good"], cancel.Token));
    }

    [Fact]
    public async Task Without_a_key_an_Entra_ID_bearer_token_is_sent_for_the_cognitive_services_scope()
    {
        var credential = new RecordingCredential();
        var handler = new RecordingHandler();
        var options = Options(new Uri("https://example-language.cognitiveservices.azure.com/"));
        options.Key = null;
        var analyzer = new AzureLanguageSentimentAnalyzer(options, Local, credential: credential, transport: new HttpClientTransport(new HttpClient(handler)));

        var results = await analyzer.AnalyzeAsync(["good"]);

        var request = Assert.Single(handler.Requests);
        Assert.Equal("https://example-language.cognitiveservices.azure.com/language/:analyze-text?api-version=2023-04-01", request.RequestUri!.AbsoluteUri);
        Assert.Equal("Bearer", request.Headers.Authorization?.Scheme);
        Assert.Equal("token-1", request.Headers.Authorization?.Parameter);
        Assert.False(request.Headers.Contains("Ocp-Apim-Subscription-Key"));
        Assert.Equal(["https://cognitiveservices.azure.com/.default"], credential.Scopes);
        Assert.Equal(SentimentLabel.Positive, results[0].Label);
    }

    private sealed class RecordingCredential : TokenCredential
    {
        public List<string> Scopes { get; } = [];

        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken)
        {
            lock (Scopes)
            {
                Scopes.AddRange(requestContext.Scopes);
            }

            return new AccessToken("token-1", DateTimeOffset.UtcNow.AddHours(1));
        }

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            new(GetToken(requestContext, cancellationToken));
    }

    /// <summary>Answers every request like the stub would, without a network.</summary>
    private sealed class RecordingHandler : HttpMessageHandler
    {
        public List<HttpRequestMessage> Requests { get; } = [];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Requests.Add(request);
            var body = await request.Content!.ReadAsStringAsync(cancellationToken);
            var documents = System.Text.Json.Nodes.JsonNode.Parse(body)!["analysisInput"]!["documents"]!.AsArray()
                .Select(d => new StubDocument(d!["id"]!.GetValue<string>(), d["language"]?.GetValue<string>(), d["text"]!.GetValue<string>()))
                .ToList();
            return new HttpResponseMessage(HttpStatusCode.OK)
            {
                Content = new StringContent(LanguageServiceStub.SuccessBody(documents, LanguageServiceStub.DefaultVerdict), System.Text.Encoding.UTF8, "application/json"),
            };
        }
    }
}
