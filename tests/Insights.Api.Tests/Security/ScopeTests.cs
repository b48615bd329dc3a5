namespace Insights.Api.Tests.Security;

using System.Net;
using System.Net.Http.Headers;
using Insights.Delivery;
using Insights.Generator;
using Insights.Ingest;
using Insights.Wire;
using static SecurityTestSupport;

/// <summary>
/// Scopes: read for reading (and the dashboard), ingest for sending events and loading the warehouse, alerts for
/// managing webhook subscriptions.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class ScopeTests(ApiFixture fixture)
{
    private HttpClient Anonymous() => fixture.Factory.CreateClient();

    [Fact]
    public async Task A_read_key_reads_and_is_forbidden_to_ingest()
    {
        using var client = Anonymous();
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(client, "/api/videos/top?by=comments&window=5m", ApiFixture.ReadKey)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync(client, "/api/videos/never-" + Guid.NewGuid().ToString("N"), ApiFixture.ReadKey)).StatusCode);
        Assert.NotEqual(HttpStatusCode.Forbidden, (await GetAsync(client, "/api/warehouse/video-sentiment/7300000000000000001", ApiFixture.ReadKey)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(client, HttpMethod.Post, "/api/dashboard/stream-token", ApiFixture.ReadKey)).StatusCode);

        var problem = await ProblemAsync(await PostEventsAsync(client, ApiFixture.ReadKey), HttpStatusCode.Forbidden);
        Assert.Contains("'ingest'", problem.Detail);
        Assert.Contains("key:reader", problem.Detail);
        await ProblemAsync(await SendAsync(client, HttpMethod.Post, "/api/warehouse/load", ApiFixture.ReadKey), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task An_ingest_key_ingests_and_is_forbidden_to_read()
    {
        using var client = Anonymous();
        var response = await PostEventsAsync(client, ApiFixture.IngestKey);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, (await response.Read<IngestResponse>()).Accepted);

        var problem = await ProblemAsync(await GetAsync(client, "/api/videos/top", ApiFixture.IngestKey), HttpStatusCode.Forbidden);
        Assert.Contains("'read'", problem.Detail);
        Assert.Contains("'ingest'", problem.Detail);
        await ProblemAsync(await SendAsync(client, HttpMethod.Post, "/api/dashboard/stream-token", ApiFixture.IngestKey), HttpStatusCode.Forbidden);
        await ProblemAsync(await GetAsync(client, "/api/dashboard/stream", ApiFixture.IngestKey), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Only_the_alerts_scope_manages_webhook_subscriptions_and_reading_alerts_needs_read()
    {
        using var client = Anonymous();
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(client, "/api/alerts/subscriptions", ApiFixture.AlertsKey)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(client, "/api/alerts", ApiFixture.ReadKey)).StatusCode);

        foreach (var key in new[] { ApiFixture.ReadKey, ApiFixture.IngestKey, ApiFixture.Key })
        {
            var problem = await ProblemAsync(await GetAsync(client, "/api/alerts/subscriptions", key), HttpStatusCode.Forbidden);
            Assert.Contains("'alerts'", problem.Detail);
            await ProblemAsync(
                await SendAsync(client, HttpMethod.Post, "/api/alerts/subscriptions", key, content: Json.Body("""{"url":"https://example.com/hook"}""")),
                HttpStatusCode.Forbidden);
            await ProblemAsync(await SendAsync(client, HttpMethod.Delete, "/api/alerts/subscriptions/abc", key), HttpStatusCode.Forbidden);
        }

        await ProblemAsync(await GetAsync(client, "/api/alerts", ApiFixture.AlertsKey), HttpStatusCode.Forbidden);
        await ProblemAsync(await GetAsync(client, "/api/videos/top", ApiFixture.AlertsKey), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task The_key_is_also_taken_from_the_authorization_header()
    {
        using var client = Anonymous();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/videos/top");
        request.Headers.Authorization = new AuthenticationHeaderValue("ApiKey", ApiFixture.ReadKey);
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(request)).StatusCode);

        // Two keys at once is ambiguous: refused rather than guessed.
        using var twice = new HttpRequestMessage(HttpMethod.Get, "/api/videos/top");
        twice.Headers.Add("X-Api-Key", [ApiFixture.ReadKey, ApiFixture.Key]);
        await ProblemAsync(await client.SendAsync(twice), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task The_generator_sends_its_key_with_every_batch()
    {
        var events = new List<WireEvent>
        {
            new() { Type = "comment", Id = "gen-key-1", VideoId = "generator-key-video", Text = "sent with a key", CreateTime = Json.Now },
        };
        using var client = Anonymous();

        var refused = await Assert.ThrowsAsync<EventSinkException>(() => new HttpEventSink(client).SendAsync(events));
        Assert.Contains("401", refused.Message);

        var results = await new HttpEventSink(client, new HttpEventSinkOptions { ApiKey = ApiFixture.IngestKey }).SendAsync(events);
        Assert.Equal(SinkStatus.Accepted, Assert.Single(results).Status);
    }
}
