namespace Insights.Sentiment.Tests.Azure;

using Insights.Sentiment.Azure;
using Insights.Sentiment.Remote;
using Insights.Testing;
using Polly.CircuitBreaker;

/// <summary>
/// The <c>AzureWithLocalFallback</c> assembly (batcher -> breaker + local fallback -> Azure) against the stub:
/// outages trip the breaker and fall back to the local analyzer, recovery after the cool-down.
/// </summary>
public sealed class AzureFallbackTests : IAsyncLifetime
{
    private const string Remote = "azure-language/2023-04-01";
    private static readonly LexiconSentimentAnalyzer Local = new();
    private LanguageServiceStub stub = null!;

    public async Task InitializeAsync() => stub = await LanguageServiceStub.StartAsync();

    public async Task DisposeAsync() => await stub.DisposeAsync();

    private static SentimentBatcher Create(Uri endpoint, Action<AzureLanguageOptions>? configure = null, bool fallback = true)
    {
        var options = AzureLanguageContractTests.Options(endpoint);
        options.MaxRetries = 1;
        options.BreakerFailureThreshold = 3;
        options.BreakerCooldown = TimeSpan.FromMilliseconds(500); // Polly's shortest break
        options.BatchWindow = TimeSpan.FromMilliseconds(5);
        configure?.Invoke(options);
        return AzureSentiment.CreateAnalyzer(options, fallback, Local);
    }

    private static FallbackSentimentAnalyzer Guard(SentimentBatcher batcher) => Assert.IsType<FallbackSentimentAnalyzer>(batcher.Inner);

    [Fact]
    public async Task While_healthy_everything_is_scored_remotely()
    {
        await using var analyzer = Create(stub.Endpoint);
        var results = await analyzer.AnalyzeAsync(["good", "bad"]);

        Assert.All(results, r => Assert.Equal(Remote, r.Analyzer));
        Assert.Equal(CircuitState.Closed, Guard(analyzer).Circuit);
    }

    [Fact]
    public async Task Server_errors_fall_back_to_local_open_the_circuit_and_it_recovers_after_the_cool_down()
    {
        await using var analyzer = Create(stub.Endpoint);
        var guard = Guard(analyzer);
        stub.Respond = _ => LanguageServiceStub.Error(500);

        // Three failed requests (each tried twice) open the circuit; every comment is still scored, locally.
        for (var i = 0; i < 3; i++)
        {
            var failed = await analyzer.AnalyzeAsync([$"this is so good {i}"]);
            Assert.Equal(Local.Analyze($"this is so good {i}"), failed[0]);
        }

        Assert.Equal(6, stub.Requests.Count);
        Assert.Equal(CircuitState.Open, guard.Circuit);

        // Open: nothing reaches the service, everything is local.
        var whileOpen = await analyzer.AnalyzeAsync(["good while open", "bad while open"]);
        Assert.All(whileOpen, r => Assert.Equal(LexiconSentimentAnalyzer.AnalyzerName, r.Analyzer));
        Assert.Equal(6, stub.Requests.Count);

        // The service recovers; after the cool-down one probe closes the circuit.
        stub.Respond = LanguageServiceStub.Success();
        await Task.Delay(TimeSpan.FromMilliseconds(600));
        Assert.Equal(CircuitState.Open, guard.Circuit); // until a call finds the cool-down over and probes
        var probe = await analyzer.AnalyzeAsync(["good after"]);
        Assert.Equal(Remote, probe[0].Analyzer);
        Assert.Equal(CircuitState.Closed, guard.Circuit);
        Assert.Equal(7, stub.Requests.Count);
        Assert.Equal(1, guard.Openings);
        Assert.Equal(5, guard.FallbackTexts);
    }

    [Fact]
    public async Task A_failed_probe_opens_the_circuit_again()
    {
        await using var analyzer = Create(stub.Endpoint, o => o.BreakerFailureThreshold = 2);
        var guard = Guard(analyzer);
        stub.Respond = _ => LanguageServiceStub.Error(503);

        await analyzer.AnalyzeAsync(["good"]);
        await analyzer.AnalyzeAsync(["good again"]);
        Assert.Equal(CircuitState.Open, guard.Circuit);
        await Task.Delay(TimeSpan.FromMilliseconds(600));
        var probe = await analyzer.AnalyzeAsync(["good probe"]);

        Assert.Equal(LexiconSentimentAnalyzer.AnalyzerName, probe[0].Analyzer);
        Assert.Equal(CircuitState.Open, guard.Circuit);
        Assert.Equal(2, guard.Openings);
        Assert.Equal(6, stub.Requests.Count); // two failed calls and the failed probe, each tried twice
    }

    [Fact]
    public async Task A_refused_connection_falls_back_and_opens_the_circuit()
    {
        await using var analyzer = Create(LanguageServiceStub.RefusingEndpoint());
        var texts = Enumerable.Range(0, 30).Select(i => $"what a lovely video {i}").ToArray();

        var results = await analyzer.AnalyzeAsync(texts);

        Assert.Equal(texts.Select(Local.Analyze), results);
        Assert.Equal(CircuitState.Open, Guard(analyzer).Circuit);
        Assert.Equal(30, Guard(analyzer).FallbackTexts);
    }

    [Fact]
    public async Task Dropped_connections_fall_back_to_local()
    {
        stub.Respond = _ => new StubReply(200, Abort: true);
        await using var analyzer = Create(stub.Endpoint);

        var results = await analyzer.AnalyzeAsync(["good", "bad"]);

        Assert.All(results, r => Assert.Equal(LexiconSentimentAnalyzer.AnalyzerName, r.Analyzer));
        Assert.Equal(2, stub.Requests.Count);
    }

    [Fact]
    public async Task A_hung_service_costs_at_most_the_request_timeout()
    {
        stub.Respond = _ => new StubReply(200, "{}", Delay: TimeSpan.FromSeconds(30));
        await using var analyzer = Create(stub.Endpoint, o =>
        {
            o.Timeout = TimeSpan.FromMilliseconds(300);
            o.NetworkTimeout = TimeSpan.FromMilliseconds(200);
        });
        var watch = System.Diagnostics.Stopwatch.StartNew();

        var results = await analyzer.AnalyzeAsync(["good"]);

        Assert.Equal(LexiconSentimentAnalyzer.AnalyzerName, results[0].Analyzer);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(15), $"took {watch.Elapsed}: it waited for the 30 s reply");
    }

    [Fact]
    public async Task A_caller_waits_at_most_FallbackAfter_even_while_requests_are_slow_but_alive()
    {
        // Slow but under the request timeout: the breaker sees no failure, yet the caller must not stall.
        stub.Respond = request => LanguageServiceStub.Success()(request) with { Delay = TimeSpan.FromSeconds(20) };
        await using var analyzer = Create(stub.Endpoint, o => o.FallbackAfter = TimeSpan.FromMilliseconds(300));
        var watch = System.Diagnostics.Stopwatch.StartNew();

        var results = await analyzer.AnalyzeAsync(["good", "bad"]);

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"took {watch.Elapsed}: it waited for the 20 s replies");
        Assert.All(results, r => Assert.Equal(LexiconSentimentAnalyzer.AnalyzerName, r.Analyzer));
        Assert.Equal(2, analyzer.OverflowTexts);
    }

    [Fact]
    public async Task Without_fallback_a_failed_request_fails_its_callers()
    {
        stub.Respond = _ => LanguageServiceStub.Error(503);
        await using var analyzer = Create(stub.Endpoint, fallback: false);

        await Assert.ThrowsAsync<global::Azure.RequestFailedException>(async () => await analyzer.AnalyzeAsync(["good"]));
        Assert.IsType<AzureLanguageSentimentAnalyzer>(analyzer.Inner);
    }

    [Fact]
    public async Task Concurrent_callers_are_coalesced_into_requests_of_at_most_ten_documents()
    {
        await using var analyzer = Create(stub.Endpoint, o => o.BatchWindow = TimeSpan.FromMilliseconds(50));
        var callers = Enumerable.Range(0, 40)
            .Select(i => Task.Run(async () => await analyzer.AnalyzeAsync(i % 4 == 0 ? [$"good {i}", $"bad {i}"] : [$"good {i}"])))
            .ToArray();

        var results = await Task.WhenAll(callers);

        var requests = stub.Requests;
        Assert.All(requests, r => Assert.InRange(r.Documents.Count, 1, 10));
        Assert.Equal(50, requests.Sum(r => r.Documents.Count));
        Assert.True(requests.Count <= 8, $"{requests.Count} requests for 50 texts from 40 callers");
        for (var i = 0; i < callers.Length; i++)
        {
            Assert.Equal(SentimentLabel.Positive, results[i][0].Label);
            Assert.Equal(Remote, results[i][0].Analyzer);
            if (i % 4 == 0)
            {
                Assert.Equal(SentimentLabel.Negative, results[i][1].Label);
            }
        }
    }
}
