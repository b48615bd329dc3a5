namespace Insights.Api.Tests.Security;

using System.Net;
using System.Net.Http.Json;
using static SecurityTestSupport;

/// <summary>
/// The dashboard's streams open with a short-lived token in the query (EventSource sends no headers); the token is
/// good for nothing else, and API keys are never taken from a URL.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class StreamTokenTests(ApiFixture fixture)
{
    private sealed record TokenAnswer(string Token, DateTimeOffset ExpiresAt, int ExpiresIn);

    private static async Task<TokenAnswer> IssueAsync(HttpClient client, string key = ApiFixture.ReadKey)
    {
        var response = await SendAsync(client, HttpMethod.Post, "/api/dashboard/stream-token", key);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString());
        return (await response.Content.ReadFromJsonAsync<TokenAnswer>())!;
    }

    private static async Task<string?> FirstDataAsync(HttpResponseMessage response)
    {
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        while (await reader.ReadLineAsync(timeout.Token) is { } line)
        {
            if (line.StartsWith("data: ", StringComparison.Ordinal))
            {
                return line[6..];
            }
        }

        return null;
    }

    [Fact]
    public async Task A_stream_token_opens_the_streams_and_nothing_else()
    {
        using var client = fixture.Factory.CreateClient();
        var token = await IssueAsync(client);
        Assert.InRange(token.ExpiresIn, 200, 300);
        var query = "?access_token=" + Uri.EscapeDataString(token.Token);

        using var overview = await client.GetAsync("/api/dashboard/stream" + query, HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, overview.StatusCode);
        Assert.Contains("topComments", await FirstDataAsync(overview));
        using var video = await client.GetAsync("/api/dashboard/videos/7300000000000000001/stream" + query, HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, video.StatusCode);

        await ProblemAsync(await GetAsync(client, "/api/videos/top" + query), HttpStatusCode.Unauthorized);
        await ProblemAsync(await SendAsync(client, HttpMethod.Post, "/api/dashboard/stream-token" + query), HttpStatusCode.Unauthorized);
        await ProblemAsync(await SendAsync(client, HttpMethod.Post, "/api/events" + query, content: Json.Body("[]")), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_tampered_token_or_an_api_key_in_the_url_is_refused()
    {
        using var client = fixture.Factory.CreateClient();
        var token = (await IssueAsync(client)).Token;
        var tampered = token[..^2] + (token[^2] == 'A' ? "B" : "A") + token[^1];

        foreach (var value in new[] { tampered, "x" + token, ApiFixture.Key, "" })
        {
            var response = await GetAsync(client, "/api/dashboard/stream?access_token=" + Uri.EscapeDataString(value));
            await ProblemAsync(response, HttpStatusCode.Unauthorized);
        }

        await ProblemAsync(await GetAsync(client, "/api/dashboard/stream?api_key=" + ApiFixture.Key), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_token_expires_and_the_stream_it_opened_ends_then()
    {
        await using var api = fixture.CreateApi(new Dictionary<string, string?>
        {
            ["Insights:Auth:StreamTokens:Lifetime"] = "00:00:02",
            ["Insights:Dashboard:PushInterval"] = "00:00:00.200",
        });
        using var client = api.CreateClient();
        var token = await IssueAsync(client);
        var url = "/api/dashboard/stream?access_token=" + Uri.EscapeDataString(token.Token);

        using var stream = await client.GetAsync(url, HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, stream.StatusCode);
        using var reader = new StreamReader(await stream.Content.ReadAsStreamAsync());
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        while (await reader.ReadLineAsync(timeout.Token) is not null)
        {
            // Reads until the server ends the stream.
        }

        Assert.True(DateTimeOffset.UtcNow >= token.ExpiresAt.AddMilliseconds(-100), "the stream ended before its token expired");

        // The stream may end up to the tolerance above before the expiry itself: ask again only once it has passed.
        var left = token.ExpiresAt - DateTimeOffset.UtcNow;
        if (left > TimeSpan.Zero)
        {
            await Task.Delay(left + TimeSpan.FromMilliseconds(50));
        }

        var again = await GetAsync(client, url);
        Assert.Contains("expired", (await ProblemAsync(again, HttpStatusCode.Unauthorized)).Detail);
    }

    [Fact]
    public async Task Header_credentials_open_streams_too()
    {
        using var client = fixture.Factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/dashboard/stream");
        request.Headers.Add("X-Api-Key", ApiFixture.ReadKey);
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(await FirstDataAsync(response));
    }
}
