namespace Insights.Api.Tests.Telemetry;

using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using Insights.Testing;

/// <summary>
/// One trace from <c>POST /api/events</c> to the grain: the API's Orleans client carries the request's trace context
/// along its grain calls, and the silo starts its side of the call in the same trace.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class TraceTests(ApiFixture fixture)
{
    [Fact]
    public async Task The_silo_side_of_the_grain_call_is_in_the_trace_of_the_http_request()
    {
        // The caller starts the trace (W3C traceparent), so the test knows the request's trace id.
        var traceId = ActivityTraceId.CreateRandom();
        var stopped = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name.StartsWith("Microsoft.Orleans", StringComparison.Ordinal),
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = stopped.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);

        var video = Guid.NewGuid().ToString("N")[..16];
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/events")
        {
            Content = Json.Body($$"""
                [{"type":"comment","id":"{{video}}","video_id":"{{video}}","text":"traced","create_time":{{Json.Now - 5}},"username":"t"}]
                """),
        };
        request.Headers.Add("traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom()}-01");
        var response = await fixture.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, (await response.Read<Insights.Ingest.IngestResponse>()).Accepted);

        // The client's outgoing call and the silo's incoming one (a server span: started from the propagated context,
        // since nothing else crosses the connection) both belong to the request's trace.
        var inTrace = await Eventually.Until(
            () => Task.FromResult(stopped.Where(a => a.TraceId == traceId).ToList()),
            spans => spans.Any(a => a.Kind == ActivityKind.Server) && spans.Any(a => a.Kind == ActivityKind.Client),
            TimeSpan.FromSeconds(20));
        Assert.Contains(inTrace, server => server.Kind == ActivityKind.Server
            && inTrace.Any(client => client.Kind == ActivityKind.Client && client.SpanId == server.ParentSpanId));
    }
}
