namespace Insights.Grains.Tests.Cluster;

using Insights.Events;
using Insights.Sentiment;
using Insights.Sentiment.Language;
using Insights.Silo.Hosting;
using Insights.Stats;
using Insights.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

/// <summary>
/// The in-process cluster with <c>AzureWithLocalFallback</c> pointing at <see cref="LanguageServiceStub"/>. The stub
/// answers the opposite of the local analyzer on purpose (<see cref="OppositeVerdict"/>), so a comment's label tells
/// who scored it; a request to another path or without <see cref="Key"/> gets 404, and <see cref="Failing"/> makes
/// it answer 500.
/// </summary>
public sealed class RemoteSentimentFixture : SiloFixture, IAsyncLifetime
{
    public const string Key = "cluster-stub-key";

    private volatile bool _failing;

    public RemoteSentimentFixture()
        : this(Task.Run(LanguageServiceStub.StartAsync).GetAwaiter().GetResult())
    {
    }

    private RemoteSentimentFixture(LanguageServiceStub stub)
        : base(new Dictionary<string, string?>
        {
            ["Insights:Sentiment:Analyzer"] = "AzureWithLocalFallback",
            ["Insights:Sentiment:Azure:Endpoint"] = stub.Endpoint.ToString(),
            ["Insights:Sentiment:Azure:Key"] = Key,
            ["Insights:Sentiment:Azure:MaxRetries"] = "1",
            ["Insights:Sentiment:Azure:RetryDelay"] = "00:00:00.010",
            ["Insights:Sentiment:Azure:BreakerFailureThreshold"] = "2",
            ["Insights:Sentiment:Azure:BreakerCooldown"] = "00:00:00.500",
            ["Insights:Sentiment:Azure:BatchWindow"] = "00:00:00.020",
        })
    {
        Stub = stub;
        var success = LanguageServiceStub.Success(OppositeVerdict);
        stub.Respond = request =>
            request.Path != LanguageServiceStub.AnalyzePath || request.Header("Ocp-Apim-Subscription-Key") != Key ? new StubReply(404)
            : _failing ? new StubReply(500)
            : success(request);
    }

    /// <summary>The stub; its <see cref="LanguageServiceStub.Requests"/> are every request as received, failed attempts included.</summary>
    public LanguageServiceStub Stub { get; }

    /// <summary>While set, the stub answers 500.</summary>
    public bool Failing
    {
        get => _failing;
        set => _failing = value;
    }

    /// <summary>Texts containing "love" are <c>negative</c> (0.05 / 0.05 / 0.9), others <c>neutral</c> (0.05 / 0.9 / 0.05).</summary>
    public static StubVerdict OppositeVerdict(StubDocument document) => document.Text.Contains("love", StringComparison.Ordinal)
        ? new StubVerdict("negative", 0.05, 0.05, 0.9)
        : new StubVerdict("neutral", 0.05, 0.9, 0.05);

    public new async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Stub.DisposeAsync();
    }
}

public sealed class RemoteSentimentTests(RemoteSentimentFixture fixture, ITestOutputHelper output) : IClassFixture<RemoteSentimentFixture>
{
    private static string NewVideo() => "v" + Guid.NewGuid().ToString("N")[..12];

    private static CommentPosted Comment(string video, string id, string text) => new()
    {
        VideoId = video,
        CommentId = id,
        Text = text,
        Username = "u" + id,
        CreateTime = DateTimeOffset.UtcNow,
        IngestedAt = DateTimeOffset.UtcNow,
    };

    private Task<VideoStats?> StatsWhen(string video, Func<VideoStats, bool> done) =>
        SiloFixture.Eventually(() => fixture.Client.GetGrain<IVideoGrain>(video).GetStats(), s => s is not null && done(s));

    private List<IReadOnlyList<string>> RequestsWith(string marker) =>
        fixture.Stub.Requests
            .Select(r => (IReadOnlyList<string>)r.Documents.Select(d => d.Text).ToList())
            .Where(r => r.Any(t => t.Contains(marker, StringComparison.Ordinal)))
            .ToList();

    /// <summary>Waits until a comment reaches the stub again: the circuit may still be open after another test.</summary>
    private async Task EnsureRemoteAsync()
    {
        fixture.Failing = false;
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < deadline)
        {
            var video = NewVideo();
            var marker = "warm-up " + video;
            await fixture.Publish(video, Comment(video, "w", marker));
            var stats = await StatsWhen(video, s => s.Totals.Comments == 1);
            if (RequestsWith(marker).Count > 0 && stats?.RecentComments.Single().Label == SentimentLabel.Neutral)
            {
                return;
            }

            await Task.Delay(200);
        }

        Assert.Fail("The stub never received a comment: the circuit did not close.");
    }

    [Fact]
    public async Task Comments_are_scored_remotely_in_requests_of_at_most_ten()
    {
        await EnsureRemoteAsync();
        var video = NewVideo();
        var comments = Enumerable.Range(0, 25).Select(i => Comment(video, $"c{i}", $"I love this so much {video} #{i}")).ToArray();

        await fixture.Publish(video, comments);

        var stats = await StatsWhen(video, s => s.Totals.Comments == 25);
        Assert.NotNull(stats);
        var requests = RequestsWith(video);
        output.WriteLine($"documents per request: {string.Join(", ", requests.Select(r => r.Count))}");
        Assert.All(requests, r => Assert.InRange(r.Count, 1, 10));
        Assert.Equal(comments.Select(c => c.Text).Order(), requests.SelectMany(r => r).Where(t => t.Contains(video, StringComparison.Ordinal)).Order());
        Assert.True(requests.Count <= 5, $"{requests.Count} requests for 25 comments: the grain's batch must go in requests of up to 10, not one per comment");

        // The stub says negative where the local analyzer says positive: these scores came from the stub.
        Assert.Equal(25, stats.Sentiment.Negative);
        Assert.Equal(0, stats.Sentiment.Positive);
        Assert.Equal(-0.85, stats.Sentiment.MeanScore, 4);
        Assert.All(stats.RecentComments, c =>
        {
            Assert.Equal(SentimentLabel.Negative, c.Label);
            Assert.Equal(-0.85, c.Score, 4);
            Assert.Equal("azure-language/2023-04-01", c.Analyzer);
        });
    }

    [Fact]
    public async Task Comments_of_many_videos_share_requests()
    {
        await EnsureRemoteAsync();
        var run = Guid.NewGuid().ToString("N")[..8];
        var videos = Enumerable.Range(0, 20).Select(_ => NewVideo()).ToArray();

        await Task.WhenAll(videos.Select(v => fixture.Publish(v, Comment(v, "c1", $"I love it so much, this is great {run} {v}"))));

        foreach (var video in videos)
        {
            var stats = await StatsWhen(video, s => s.Totals.Comments == 1);
            Assert.Equal(SentimentLabel.Negative, Assert.Single(stats!.RecentComments).Label);
        }

        var requests = RequestsWith(run);
        output.WriteLine($"documents per request: {string.Join(", ", requests.Select(r => r.Count))}");
        Assert.All(requests, r => Assert.InRange(r.Count, 1, 10));
        Assert.Equal(20, requests.Sum(r => r.Count(t => t.Contains(run, StringComparison.Ordinal))));
        Assert.True(requests.Count < 20, $"{requests.Count} requests for 20 single-comment videos: the silo batcher coalesces grains");
    }

    [Fact]
    public async Task With_the_service_failing_comments_are_still_counted_and_scored_locally()
    {
        await EnsureRemoteAsync();
        fixture.Failing = true;
        try
        {
            var video = NewVideo();
            var comments = Enumerable.Range(0, 12).Select(i => Comment(video, $"c{i}", $"I love this so much {video} #{i}")).ToArray();

            await fixture.Publish(video, comments);

            var stats = await StatsWhen(video, s => s.Totals.Comments == 12);
            Assert.NotNull(stats);
            Assert.Equal(12, stats.Totals.Comments);
            // Scored by the local analyzer (positive), not left unscored (neutral, 0) nor lost.
            Assert.Equal(12, stats.Sentiment.Positive);
            Assert.All(stats.RecentComments, c =>
            {
                Assert.Equal(SentimentLabel.Positive, c.Label);
                Assert.True(c.Score > 0);
                Assert.Equal(new LearnedSentimentAnalyzer().Name, c.Analyzer); // the default local model
            });
            Assert.NotEmpty(RequestsWith(video)); // the service was tried first

            // Circuit open (threshold 2): later comments go straight to the local analyzer.
            var later = NewVideo();
            await fixture.Publish(later, Comment(later, "c1", $"I love it {later}"));
            var laterStats = await StatsWhen(later, s => s.Totals.Comments == 1);
            Assert.Equal(SentimentLabel.Positive, Assert.Single(laterStats!.RecentComments).Label);
        }
        finally
        {
            fixture.Failing = false;
        }

        // Recovery: after the cool-down the service scores again.
        await EnsureRemoteAsync();
    }
}

/// <summary>How <c>Insights:Sentiment</c> settings are checked when the silo starts.</summary>
public sealed class RemoteSentimentConfigurationTests
{
    private static IServiceCollection Add(Dictionary<string, string?> settings) =>
        new ServiceCollection().AddInsightsSentiment(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());

    [Fact]
    public void An_unknown_analyzer_names_the_key_and_the_allowed_values()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Add(new() { ["Insights:Sentiment:Analyzer"] = "Remote" }));
        Assert.Contains("Insights:Sentiment:Analyzer 'Remote'", error.Message);
        Assert.Contains("Local, Azure or AzureWithLocalFallback", error.Message);
    }

    [Theory]
    [InlineData("Azure")]
    [InlineData("AzureWithLocalFallback")]
    public void Azure_without_an_endpoint_names_the_missing_key(string analyzer)
    {
        var error = Assert.Throws<InvalidOperationException>(() => Add(new() { ["Insights:Sentiment:Analyzer"] = analyzer }));
        Assert.Contains("Insights:Sentiment:Azure:Endpoint is required", error.Message);
    }

    [Fact]
    public void Out_of_range_settings_name_their_key()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Add(new()
        {
            ["Insights:Sentiment:Analyzer"] = "Azure",
            ["Insights:Sentiment:Azure:Endpoint"] = "https://x.cognitiveservices.azure.com/",
            ["Insights:Sentiment:Azure:MaxDocumentsPerRequest"] = "25",
        }));
        Assert.Contains("Insights:Sentiment:Azure:MaxDocumentsPerRequest 25 must be 1 to 10", error.Message);
    }

    [Fact]
    public void An_unparsable_value_names_its_key()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Add(new()
        {
            ["Insights:Sentiment:Analyzer"] = "Azure",
            ["Insights:Sentiment:Azure:Endpoint"] = "https://x.cognitiveservices.azure.com/",
            ["Insights:Sentiment:Azure:BatchWindow"] = "soon",
        }));
        Assert.Contains("BatchWindow", error.Message);
    }

    [Fact]
    public void The_local_analyzer_is_the_learned_model_by_default()
    {
        using var services = Add(new()).BuildServiceProvider();

        var analyzer = Assert.IsType<LearnedSentimentAnalyzer>(services.GetRequiredKeyedService<ISentimentAnalyzer>(SentimentExtensions.LocalAnalyzerKey));
        Assert.StartsWith("learned/1+", analyzer.Name, StringComparison.Ordinal);
        // Grains get it behind language identification, which sets other languages aside.
        Assert.IsType<LanguageAwareSentimentAnalyzer>(services.GetRequiredService<ISentimentAnalyzer>());
    }

    [Fact]
    public void The_lexicon_can_be_chosen_as_the_local_analyzer()
    {
        using var services = Add(new() { ["Insights:Sentiment:Local:Model"] = "Lexicon" }).BuildServiceProvider();

        Assert.IsType<LexiconSentimentAnalyzer>(services.GetRequiredKeyedService<ISentimentAnalyzer>(SentimentExtensions.LocalAnalyzerKey));
    }

    [Fact]
    public void An_unknown_local_model_names_the_key_and_the_allowed_values()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Add(new() { ["Insights:Sentiment:Local:Model"] = "Bert" }));
        Assert.Contains("Insights:Sentiment:Local:Model 'Bert'", error.Message);
        Assert.Contains("Learned or Lexicon", error.Message);
    }

    [Fact]
    public async Task Azure_with_fallback_falls_back_to_the_configured_local_model()
    {
        await using var services = Add(new()
        {
            ["Insights:Sentiment:Analyzer"] = "AzureWithLocalFallback",
            ["Insights:Sentiment:Azure:Endpoint"] = "https://x.cognitiveservices.azure.com/",
            ["Insights:Sentiment:Azure:Key"] = "k",
            ["Insights:Sentiment:Local:Model"] = "Lexicon",
        }).AddLogging().BuildServiceProvider();

        var analyzer = services.GetRequiredService<ISentimentAnalyzer>();

        // Blank texts are never sent: the local analyzer answers them.
        var result = Assert.Single(await analyzer.AnalyzeAsync([" "]));
        Assert.Equal(LexiconSentimentAnalyzer.AnalyzerName, result.Analyzer);
    }

    [Fact]
    public async Task Azure_settings_build_a_batching_analyzer()
    {
        await using var services = Add(new()
        {
            ["Insights:Sentiment:Analyzer"] = "Azure",
            ["Insights:Sentiment:Azure:Endpoint"] = "https://x.cognitiveservices.azure.com/",
            ["Insights:Sentiment:Azure:Key"] = "k",
            ["Insights:Sentiment:Azure:ApiVersion"] = "2024-11-01",
        }).AddLogging().BuildServiceProvider();

        var analyzer = Assert.IsType<Insights.Sentiment.Language.LanguageAwareSentimentAnalyzer>(services.GetRequiredService<ISentimentAnalyzer>());
        Assert.IsType<Insights.Sentiment.Remote.SentimentBatcher>(analyzer.Inner);
        Assert.Equal("azure-language/2024-11-01", analyzer.Inner.Name);
    }

    [Fact]
    public async Task Language_identification_wraps_the_local_analyzer_unless_turned_off()
    {
        await using var on = Add([]).BuildServiceProvider();
        await using var off = Add(new() { ["Insights:Sentiment:LanguageIdentification:Enabled"] = "false" }).BuildServiceProvider();

        var wrapped = Assert.IsType<Insights.Sentiment.Language.LanguageAwareSentimentAnalyzer>(on.GetRequiredService<ISentimentAnalyzer>());
        Assert.IsType<LearnedSentimentAnalyzer>(wrapped.Inner);
        Assert.IsType<LearnedSentimentAnalyzer>(off.GetRequiredService<ISentimentAnalyzer>());
        Assert.Equal("es", (await wrapped.AnalyzeAsync(["me encanta esta canción"]))[0].Language);
    }

    [Fact]
    public void An_unknown_supported_language_stops_the_silo_naming_the_key()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Add(new() { ["Insights:Sentiment:LanguageIdentification:SupportedLanguages"] = "en,zz" }));
        Assert.Contains("Insights:Sentiment:LanguageIdentification:SupportedLanguages", error.Message);
    }
}
