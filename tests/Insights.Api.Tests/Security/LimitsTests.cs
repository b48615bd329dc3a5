namespace Insights.Api.Tests.Security;

using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using static SecurityTestSupport;

/// <summary>Each limit answers with its status code and a problem naming the configuration key that set it.</summary>
[Collection(ApiCollection.Name)]
public sealed class LimitsTests(ApiFixture fixture)
{
    [Fact]
    public async Task Reads_over_the_rate_limit_are_429_with_retry_after_per_key_and_apart_from_ingest()
    {
        await using var api = fixture.CreateApi(new Dictionary<string, string?>
        {
            ["Insights:Api:RateLimits:Read:TokenLimit"] = "2",
            ["Insights:Api:RateLimits:Read:TokensPerPeriod"] = "1",
            ["Insights:Api:RateLimits:Read:Period"] = "01:00:00",
        });
        using var client = api.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await GetAsync(client, "/api/videos/top", ApiFixture.Key)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(client, "/api/videos/top", ApiFixture.Key)).StatusCode);
        var limited = await GetAsync(client, "/api/videos/top", ApiFixture.Key);
        var problem = await ProblemAsync(limited, HttpStatusCode.TooManyRequests);
        Assert.Equal("Insights:Api:RateLimits:Read", problem.Extension("limit"));
        Assert.Contains("key:tests", problem.Detail);
        Assert.True(limited.Headers.RetryAfter?.Delta > TimeSpan.Zero, $"Retry-After: {limited.Headers.RetryAfter}");

        // Another key has its own budget, and ingest its own.
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(client, "/api/videos/top", ApiFixture.ReadKey)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await PostEventsAsync(client, ApiFixture.Key)).StatusCode);
    }

    [Fact]
    public async Task Ingest_over_the_rate_limit_is_429_naming_the_ingest_limit()
    {
        await using var api = fixture.CreateApi(new Dictionary<string, string?>
        {
            ["Insights:Api:RateLimits:Ingest:TokenLimit"] = "1",
            ["Insights:Api:RateLimits:Ingest:TokensPerPeriod"] = "1",
            ["Insights:Api:RateLimits:Ingest:Period"] = "01:00:00",
        });
        using var client = api.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await PostEventsAsync(client, ApiFixture.IngestKey)).StatusCode);
        var problem = await ProblemAsync(await PostEventsAsync(client, ApiFixture.IngestKey), HttpStatusCode.TooManyRequests);
        Assert.Equal("Insights:Api:RateLimits:Ingest", problem.Extension("limit"));
    }

    [Fact]
    public async Task Streams_over_the_per_caller_limit_are_429_and_streams_have_no_request_timeout()
    {
        await using var api = fixture.CreateApi(new Dictionary<string, string?>
        {
            ["Insights:Api:RateLimits:StreamsPerClient"] = "1",
            ["Insights:Api:RequestTimeout"] = "00:00:00.300",
            ["Insights:Dashboard:PushInterval"] = "00:00:00.200",
        });
        using var client = api.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/dashboard/stream");
        request.Headers.Add("X-Api-Key", ApiFixture.ReadKey);
        using var first = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);

        var second = await GetAsync(client, "/api/dashboard/stream", ApiFixture.ReadKey);
        Assert.Equal("Insights:Api:RateLimits:StreamsPerClient", (await ProblemAsync(second, HttpStatusCode.TooManyRequests)).Extension("limit"));

        // Well past the request timeout, the first stream still delivers.
        using var reader = new StreamReader(await first.Content.ReadAsStreamAsync());
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        var started = DateTime.UtcNow;
        var events = 0;
        // Read until the stream has outlived the timeout five times over and pushed 3 snapshots; how fast the
        // snapshots come depends on the machine, so only the 15 s guard bounds the wait.
        while ((DateTime.UtcNow - started < TimeSpan.FromSeconds(1.5) || events < 3) && await reader.ReadLineAsync(timeout.Token) is { } line)
        {
            events += line.StartsWith("data: ", StringComparison.Ordinal) ? 1 : 0;
        }

        Assert.True(DateTime.UtcNow - started >= TimeSpan.FromSeconds(1.5), "the stream ended early");
        Assert.True(events >= 3, $"{events} events before the stream ended");
    }

    [Fact]
    public async Task A_body_over_the_api_limit_is_413_naming_it()
    {
        await using var api = fixture.CreateApi(new Dictionary<string, string?> { ["Insights:Api:MaxRequestBodyBytes"] = "100" });
        using var client = api.CreateClient();

        var response = await SendAsync(client, HttpMethod.Post, "/api/warehouse/load", ApiFixture.Key, content: Json.Body(new string(' ', 1000)));
        var problem = await ProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal("Insights:Api:MaxRequestBodyBytes", problem.Extension("limit"));

        // Ingest has its own, larger limit (Insights:Ingest:MaxBodyBytes).
        Assert.Equal(HttpStatusCode.OK, (await PostEventsAsync(client, ApiFixture.Key)).StatusCode);
    }

    [Fact]
    public async Task An_ingest_body_over_its_limit_without_a_declared_length_is_413_naming_the_limit()
    {
        await using var api = fixture.CreateApi(new Dictionary<string, string?> { ["Insights:Ingest:MaxBodyBytes"] = "2000" });
        using var client = api.CreateClient();

        var chunked = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes("[" + string.Join(",", Enumerable.Repeat("{}", 3000)) + "]")));
        chunked.Headers.ContentType = new("application/json");
        var response = await SendAsync(client, HttpMethod.Post, "/api/events", ApiFixture.Key, content: new UnknownLength(chunked));
        var problem = await ProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal("Insights:Ingest:MaxBodyBytes", problem.Extension("limit"));
    }

    [Fact]
    public async Task Json_nested_deeper_than_the_limit_is_400_naming_it()
    {
        await using var api = fixture.CreateApi(new Dictionary<string, string?> { ["Insights:Api:MaxJsonDepth"] = "4" });
        using var client = api.CreateClient();

        var deep = await PostEventsAsync(client, ApiFixture.Key, json: "[[[[[]]]]]");
        var problem = await ProblemAsync(deep, HttpStatusCode.BadRequest);
        Assert.Equal("Insights:Api:MaxJsonDepth", problem.Extension("limit"));
        Assert.Contains("more than 4 deep", problem.Detail);

        // Four deep is fine (each element is then rejected on its own), and malformed JSON is still just malformed.
        Assert.Equal(HttpStatusCode.OK, (await PostEventsAsync(client, ApiFixture.Key, json: "[[[[]]]]")).StatusCode);
        Assert.Equal("Malformed JSON", (await ProblemAsync(await PostEventsAsync(client, ApiFixture.Key, json: "[{]"), HttpStatusCode.BadRequest)).Title);
    }

    [Fact]
    public async Task A_request_over_the_timeout_is_504_naming_it()
    {
        // A client that sends the headers and the first byte of its body, then nothing: on Kestrel and a raw socket,
        // since HTTP clients and the test server only hand over a body once it is all there.
        await using var api = fixture.CreateApi(new Dictionary<string, string?>
        {
            ["Insights:Api:RequestTimeout"] = "00:00:00.300",
            ["Urls"] = "http://127.0.0.1:0",
        });
        api.UseKestrel(0);
        api.StartServer();
        var address = new Uri(api.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

        using var tcp = new TcpClient();
        await tcp.ConnectAsync(address.Host, address.Port);
        var stream = tcp.GetStream();
        var started = DateTime.UtcNow;
        await stream.WriteAsync(Encoding.ASCII.GetBytes(
            $"POST /api/events HTTP/1.1\r\nHost: {address.Authority}\r\nX-Api-Key: {ApiFixture.Key}\r\n" +
            "Content-Type: application/json\r\nContent-Length: 1000\r\n\r\n["));
        using var reader = new StreamReader(stream, Encoding.UTF8);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var statusLine = await reader.ReadLineAsync(timeout.Token);
        Assert.StartsWith("HTTP/1.1 504", statusLine);
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(5), "the timeout did not cut the request short");

        var response = new StringBuilder();
        var buffer = new char[4096];
        while (!response.ToString().Contains("RequestTimeout\"", StringComparison.Ordinal)
            && await reader.ReadAsync(buffer, timeout.Token) is var read and > 0)
        {
            response.Append(buffer, 0, read);
        }

        Assert.Contains("application/problem+json", response.ToString());
        Assert.Contains("\"limit\":\"Insights:Api:RequestTimeout\"", response.ToString());
    }

    /// <summary>Hides the length of its content, as a chunked upload does.</summary>
    private sealed class UnknownLength(HttpContent inner) : HttpContent
    {
        protected override Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context) => inner.CopyToAsync(stream);

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
