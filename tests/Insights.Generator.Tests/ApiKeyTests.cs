namespace Insights.Generator.Tests;

using System.Net;
using System.Text;

/// <summary>The generator authenticates to the ingest API with an API key (X-Api-Key).</summary>
public sealed class ApiKeyTests
{
    [Fact]
    public void The_key_comes_from_api_key_or_else_from_the_environment()
    {
        Assert.Equal("ins_from-argument", CommandLines.Parse("--api-key", "ins_from-argument").ApiKey);
        Assert.Contains("--api-key: must not be empty", CommandLines.Error("--api-key", " "), StringComparison.Ordinal);

        Func<string, string?> environment = name => name == "INSIGHTS_API_KEY" ? "ins_from-environment" : null;
        Assert.Equal("ins_from-environment", CommandLines.Parse(environment).ApiKey);
        Assert.Equal("ins_from-argument", CommandLines.Parse(environment, "--api-key=ins_from-argument").ApiKey);
        Assert.Null(CommandLines.Parse(_ => "", []).ApiKey);
    }

    [Fact]
    public async Task The_sink_sends_the_key_with_every_request_and_a_refused_key_fails_at_once()
    {
        var seen = new List<string?>();
        var handler = new HeaderHandler(request =>
        {
            lock (seen)
            {
                seen.Add(request.Headers.TryGetValues("X-Api-Key", out var values) ? values.Single() : null);
            }

            return new HttpResponseMessage(HttpStatusCode.OK)
            {
                Content = new StringContent("""{"accepted":1,"rejected":0,"retry":0,"items":[]}""", Encoding.UTF8, "application/json"),
            };
        });
        using var http = new HttpClient(handler) { BaseAddress = new Uri("http://insights.test/") };
        var events = DatasetGenerator.Generate(Datasets.Small()).Events.Take(3).Select(e => e.Event).ToList();

        await new HttpEventSink(http, new HttpEventSinkOptions { BatchSize = 1, ApiKey = "ins_generator" }).SendAsync(events);
        Assert.Equal(["ins_generator", "ins_generator", "ins_generator"], seen);

        var refusing = new HeaderHandler(_ => new HttpResponseMessage(HttpStatusCode.Unauthorized) { Content = new StringContent("{\"title\":\"Unauthorized\"}") });
        using var refused = new HttpClient(refusing) { BaseAddress = new Uri("http://insights.test/") };
        var ex = await Assert.ThrowsAsync<EventSinkException>(() => new HttpEventSink(refused, new HttpEventSinkOptions { ApiKey = "ins_wrong" }).SendAsync(events));
        Assert.Contains("401", ex.Message);
        Assert.Equal(1, refusing.Calls);
    }

    private sealed class HeaderHandler(Func<HttpRequestMessage, HttpResponseMessage> respond) : HttpMessageHandler
    {
        private int _calls;

        public int Calls => _calls;

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _calls);
            return Task.FromResult(respond(request));
        }
    }
}
