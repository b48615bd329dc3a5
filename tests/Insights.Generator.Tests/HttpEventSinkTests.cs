namespace Insights.Generator.Tests;

using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Insights.Wire;
using Microsoft.Extensions.DependencyInjection;

public class HttpEventSinkTests
{
    private static readonly DateTimeOffset Now = new(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);

    private static List<WireEvent> Events(int count) =>
        DatasetGenerator.Generate(Datasets.Small()).Events.Take(count).Select(e => e.Event).ToList();

    private static (HttpEventSink Sink, StubHandler Handler, ObservedTimeProvider Time) Create(
        Func<StubRequest, HttpResponseMessage> respond, HttpEventSinkOptions? options = null)
    {
        var handler = new StubHandler(respond);
        var time = new ObservedTimeProvider(Now) { AdvancesOnEveryWait = true };
        var http = new HttpClient(handler) { BaseAddress = new Uri("http://insights.test/") };
        return (new HttpEventSink(http, options, time), handler, time);
    }

    private static HttpResponseMessage Status(HttpStatusCode code, string body = "") =>
        new(code) { Content = new StringContent(body) };

    [Fact]
    public async Task Maps_each_item_to_its_event_across_parallel_batches()
    {
        var events = Events(1_234);
        string StatusOf(JsonElement e) => e.GetProperty("type").GetString() switch
        {
            "video" => "rejected",
            "engagement" => "retry",
            _ => "accepted",
        };
        var (sink, handler, _) = Create(r => StubHandler.Answer(r, StatusOf), new HttpEventSinkOptions { BatchSize = 100, Parallelism = 4 });

        var results = await sink.SendAsync(events);

        Assert.Equal(events.Count, results.Count);
        for (var i = 0; i < events.Count; i++)
        {
            var expected = events[i].Type switch
            {
                WireFields.TypeVideo => SinkStatus.Rejected,
                WireFields.TypeEngagement => SinkStatus.Retry,
                _ => SinkStatus.Accepted,
            };
            Assert.Equal(expected, results[i].Status);
        }

        Assert.Contains(results, r => r.Status == SinkStatus.Rejected && r.Error == "text: must not be empty");
        Assert.Equal(13, handler.Calls);
        Assert.All(handler.Requests, r =>
        {
            Assert.Equal(HttpMethod.Post, r.Method);
            Assert.Equal("http://insights.test/api/events", r.Uri.ToString());
            Assert.Equal("application/json", r.MediaType);
            Assert.InRange(r.Events.Count, 1, 100);
        });

        // The requests together carry every event once, each one as the validator wants it.
        var parser = new WireEventParser(new IngestLimits(), TimeProvider.System);
        var sent = handler.Requests.SelectMany(r => r.Events).ToList();
        Assert.Equal(events.Count, sent.Count);
        Assert.All(sent, e => Assert.True(parser.Parse(e, DateTimeOffset.UtcNow).IsValid));
    }

    [Fact]
    public async Task Items_may_list_only_the_events_that_were_not_accepted()
    {
        var events = Events(50);
        var (sink, _, _) = Create(r => StubHandler.Answer(r, e => e.GetProperty("type").GetString() == "video" ? "retry" : "accepted", listAccepted: false));

        var results = await sink.SendAsync(events);

        Assert.Equal(events.Select(e => e.Type == WireFields.TypeVideo ? SinkStatus.Retry : SinkStatus.Accepted), results.Select(r => r.Status));
    }

    [Fact]
    public async Task Honours_retry_after_on_429()
    {
        var events = Events(10);
        var (sink, handler, time) = Create(r =>
        {
            if (r.Call <= 2)
            {
                var busy = Status(HttpStatusCode.TooManyRequests);
                busy.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(7));
                return busy;
            }

            return StubHandler.Answer(r, _ => "accepted");
        });

        var results = await sink.SendAsync(events);

        Assert.All(results, r => Assert.Equal(SinkStatus.Accepted, r.Status));
        Assert.Equal(3, handler.Calls);
        Assert.Equal([TimeSpan.FromSeconds(7), TimeSpan.FromSeconds(7)], time.Waits);
        Assert.Equal(2, sink.TransientFailures);
    }

    [Fact]
    public async Task Honours_a_retry_after_date()
    {
        var (sink, _, time) = Create(r =>
        {
            if (r.Call == 1)
            {
                var busy = Status(HttpStatusCode.ServiceUnavailable);
                busy.Headers.RetryAfter = new RetryConditionHeaderValue(Now + TimeSpan.FromSeconds(30));
                return busy;
            }

            return StubHandler.Answer(r, _ => "accepted");
        });

        await sink.SendAsync(Events(3));

        Assert.Equal([TimeSpan.FromSeconds(30)], time.Waits);
    }

    [Fact]
    public async Task Backs_off_exponentially_on_503_and_connection_errors()
    {
        var (sink, handler, time) = Create(r => r.Call switch
        {
            1 => Status(HttpStatusCode.ServiceUnavailable),
            2 => throw new HttpRequestException("Connection refused"),
            3 => Status(HttpStatusCode.ServiceUnavailable),
            _ => StubHandler.Answer(r, _ => "accepted"),
        });

        var results = await sink.SendAsync(Events(5));

        Assert.All(results, r => Assert.Equal(SinkStatus.Accepted, r.Status));
        Assert.Equal(4, handler.Calls);
        Assert.Equal([TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2)], time.Waits);
    }

    [Fact]
    public async Task Gives_up_loudly_after_the_last_attempt()
    {
        var (sink, handler, time) = Create(_ => Status(HttpStatusCode.ServiceUnavailable, "overloaded"), new HttpEventSinkOptions { MaxAttempts = 4 });

        var ex = await Assert.ThrowsAsync<EventSinkException>(() => sink.SendAsync(Events(5)));

        Assert.Equal(4, handler.Calls);
        Assert.Equal(3, time.Waits.Count);
        Assert.Contains("503", ex.Message);
        Assert.Contains("overloaded", ex.Message);
    }

    [Theory]
    [InlineData(HttpStatusCode.BadRequest)]
    [InlineData(HttpStatusCode.RequestEntityTooLarge)]
    [InlineData(HttpStatusCode.InternalServerError)]
    public async Task Fails_at_once_on_a_bad_request(HttpStatusCode code)
    {
        var (sink, handler, time) = Create(_ => Status(code, "{\"error\":\"the body is not a JSON array\"}"));

        var ex = await Assert.ThrowsAsync<EventSinkException>(() => sink.SendAsync(Events(5)));

        Assert.Equal(1, handler.Calls);
        Assert.Empty(time.Waits);
        Assert.Contains(((int)code).ToString(), ex.Message);
        Assert.Contains("not a JSON array", ex.Message);
    }

    [Fact]
    public async Task A_failure_keeps_the_results_of_batches_that_got_through()
    {
        var (sink, _, _) = Create(
            r => r.Events[0].GetProperty("type").GetString() == "video" && r.Call > 1 ? Status(HttpStatusCode.BadRequest) : StubHandler.Answer(r, _ => "accepted"),
            new HttpEventSinkOptions { BatchSize = 1, Parallelism = 1 });
        var events = Events(40);
        var firstVideoAfterStart = events.FindIndex(1, e => e.Type == WireFields.TypeVideo);
        Assert.True(firstVideoAfterStart > 0);

        var ex = await Assert.ThrowsAsync<EventSinkException>(() => sink.SendAsync(events));

        Assert.NotNull(ex.PartialResults);
        Assert.Equal(events.Count, ex.PartialResults!.Count);
        Assert.All(ex.PartialResults.Take(firstVideoAfterStart), r => Assert.Equal(SinkStatus.Accepted, r!.Value.Status));
        Assert.Null(ex.PartialResults[firstVideoAfterStart]);
    }

    [Fact]
    public async Task A_200_that_is_not_an_ingest_result_fails()
    {
        var (sink, _, _) = Create(_ => Status(HttpStatusCode.OK, "<html>hello</html>"));
        await Assert.ThrowsAsync<EventSinkException>(() => sink.SendAsync(Events(2)));

        var (sink2, _, _) = Create(_ => Status(HttpStatusCode.OK, "{\"accepted\":1,\"rejected\":0,\"retry\":0,\"items\":[]}"));
        await Assert.ThrowsAsync<EventSinkException>(() => sink2.SendAsync(Events(2)));
    }

    [Fact]
    public async Task Works_with_the_runner_end_to_end()
    {
        var d = DatasetGenerator.Generate(Datasets.Small() with { Start = Now - TimeSpan.FromHours(2) });
        var pushedBack = new HashSet<string>();
        var (sink, handler, time) = Create(r => StubHandler.Answer(r, e =>
        {
            // Every comment is pushed back once.
            var type = e.GetProperty("type").GetString();
            if (type == "comment")
            {
                lock (pushedBack)
                {
                    return pushedBack.Add(e.GetRawText()) ? "retry" : "accepted";
                }
            }

            return "accepted";
        }));

        var report = await new GeneratorRunner(sink, time).RunAsync(d);

        Assert.Equal(RunOutcome.Completed, report.Outcome);
        Assert.Equal(d.Events.Count, report.Accepted);
        Assert.Equal(d.Truth, report.Truth);
        Assert.True(report.Retried >= d.Comments.Count);
        Assert.True(handler.Calls > d.Events.Count / 500);
    }

    [Fact]
    public async Task The_factory_client_sends_to_the_api_with_a_bounded_attempt()
    {
        var handler = new StubHandler(r => StubHandler.Answer(r, _ => "accepted"));
        var services = new ServiceCollection();
        services.AddIngestHttpClient(new Uri("http://api.test:8080/")).ConfigurePrimaryHttpMessageHandler(() => handler);
        await using var provider = services.BuildServiceProvider();

        var http = IngestHttpClient.Create(provider);
        var results = await new HttpEventSink(http).SendAsync(Events(3));

        Assert.All(results, r => Assert.Equal(SinkStatus.Accepted, r.Status));
        Assert.Equal("http://api.test:8080/api/events", Assert.Single(handler.Requests).Uri.ToString());
        Assert.Equal(IngestHttpClient.AttemptTimeout, http.Timeout);
    }

    [Fact]
    public async Task A_timed_out_attempt_is_tried_again()
    {
        var (sink, handler, time) = Create(r => r.Call == 1
            ? throw new TaskCanceledException("The request was canceled due to the configured HttpClient.Timeout", new TimeoutException())
            : StubHandler.Answer(r, _ => "accepted"));

        var results = await sink.SendAsync(Events(2));

        Assert.All(results, r => Assert.Equal(SinkStatus.Accepted, r.Status));
        Assert.Equal(2, handler.Calls);
        Assert.Equal([TimeSpan.FromMilliseconds(500)], time.Waits);
    }

    [Fact]
    public async Task The_callers_cancellation_is_not_retried()
    {
        using var cancel = new CancellationTokenSource();
        var (sink, handler, time) = Create(r =>
        {
            cancel.Cancel();
            throw new TaskCanceledException("cancelled by the caller");
        });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => sink.SendAsync(Events(2), cancel.Token));

        Assert.Equal(1, handler.Calls);
        Assert.Empty(time.Waits);
    }
}
