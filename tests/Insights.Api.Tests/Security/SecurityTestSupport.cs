namespace Insights.Api.Tests.Security;

using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Insights.Api.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;

internal static class SecurityTestSupport
{
    public const string WrongKey = "ins_this-key-was-never-issued-000000";

    public static async Task<HttpResponseMessage> SendAsync(
        HttpClient client, HttpMethod method, string path, string? key = null, string? bearer = null, HttpContent? content = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        if (key is not null)
        {
            request.Headers.Add(ApiKeyCredentials.HeaderName, key);
        }

        if (bearer is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }

        return await client.SendAsync(request);
    }

    public static Task<HttpResponseMessage> GetAsync(HttpClient client, string path, string? key = null, string? bearer = null) =>
        SendAsync(client, HttpMethod.Get, path, key, bearer);

    public static Task<HttpResponseMessage> PostEventsAsync(HttpClient client, string? key = null, string? bearer = null, string? json = null) =>
        SendAsync(client, HttpMethod.Post, "/api/events", key, bearer, Json.Body(json ?? OneComment()));

    public static string OneComment() =>
        $$"""[{"type":"comment","id":"sec-{{Guid.NewGuid():N}}","video_id":"security-video","text":"secure and sound","create_time":{{Json.Now}}}]""";

    /// <summary>A problem body with the expected status, and its details.</summary>
    public static async Task<ProblemDetails> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: expected {(int)status}, got {(int)response.StatusCode}: {(body.Length > 500 ? body[..500] + "..." : body)}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = System.Text.Json.JsonSerializer.Deserialize<ProblemDetails>(body, Json.Options)!;
        Assert.Equal((int)status, problem.Status);
        return problem;
    }

    public static string? Extension(this ProblemDetails problem, string name) =>
        problem.Extensions.TryGetValue(name, out var value) ? value?.ToString() : null;

    public static string Flatten(Exception ex)
    {
        var text = new StringBuilder();
        for (Exception? e = ex; e is not null; e = e.InnerException)
        {
            text.AppendLine(e.Message);
            if (e is AggregateException aggregate)
            {
                foreach (var inner in aggregate.InnerExceptions)
                {
                    text.AppendLine(Flatten(inner));
                }
            }
        }

        return text.ToString();
    }

    /// <summary>Starts the factory's host, which is where a misconfigured API refuses to start.</summary>
    public static void Start(WebApplicationFactory<Program> api) => _ = api.Server;
}

/// <summary>A configuration source a test changes and reloads, as an edited appsettings.json or a refreshed Key Vault would.</summary>
internal sealed class ReloadableConfiguration : ConfigurationProvider, IConfigurationSource
{
    public IConfigurationProvider Build(IConfigurationBuilder builder) => this;

    public void Replace(IDictionary<string, string?> values)
    {
        Data = new Dictionary<string, string?>(values, StringComparer.OrdinalIgnoreCase);
        OnReload();
    }
}
