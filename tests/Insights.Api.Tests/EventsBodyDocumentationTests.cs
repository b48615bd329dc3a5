namespace Insights.Api.Tests;

using System.Text.Json;

/// <summary>
/// POST /api/events checks its Content-Type itself (so a refused body is quarantined and told what to send), which
/// means it cannot use .Accepts(); the OpenAPI document must still describe the body.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class EventsBodyDocumentationTests(ApiFixture fixture)
{
    [Fact]
    public async Task The_openapi_document_describes_the_events_body_as_a_json_array_of_events()
    {
        using var document = JsonDocument.Parse(await fixture.Client.GetStringAsync("/openapi/v1.json"));
        var post = document.RootElement.GetProperty("paths").GetProperty("/api/events").GetProperty("post");
        var body = post.GetProperty("requestBody");

        Assert.True(body.GetProperty("required").GetBoolean());
        var schema = body.GetProperty("content").GetProperty("application/json").GetProperty("schema");
        Assert.Equal("array", schema.GetProperty("type").GetString());
        Assert.EndsWith("/WireEvent", schema.GetProperty("items").GetProperty("$ref").GetString());
        Assert.True(post.GetProperty("responses").TryGetProperty("415", out _));
    }
}
