namespace Insights.Api.Tests.Alerts;

using System.Net;
using System.Net.Http.Json;
using Insights.Alerts;
using Microsoft.AspNetCore.Mvc;

/// <summary>The subscription endpoints: validation, the secret shown once, listing and removal; and the OpenAPI document.</summary>
[Collection(ApiCollection.Name)]
public sealed class AlertsApiTests(ApiFixture fixture)
{
    private HttpClient Alerts() => ApiFixture.CreateClient(fixture.Factory, ApiFixture.AlertsKey);

    [Fact]
    public async Task A_subscription_shows_its_secret_once_is_listed_without_it_and_can_be_removed()
    {
        using var client = Alerts();
        var response = await client.PostAsJsonAsync("/api/alerts/subscriptions", new { url = "https://hooks.example.com/insights", description = "ops channel" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        var created = await response.Read<CreatedAlertSubscription>();
        Assert.Equal($"/api/alerts/subscriptions/{created.Subscription.Id}", response.Headers.Location?.ToString());
        Assert.Equal("https://hooks.example.com/insights", created.Subscription.Url);
        Assert.Equal("ops channel", created.Subscription.Description);

        var listed = await client.GetStringAsync("/api/alerts/subscriptions");
        Assert.Contains(created.Subscription.Id, listed, StringComparison.Ordinal);
        Assert.DoesNotContain(created.Secret, listed, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", listed, StringComparison.OrdinalIgnoreCase);

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/alerts/subscriptions/{created.Subscription.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.DeleteAsync($"/api/alerts/subscriptions/{created.Subscription.Id}")).StatusCode);
        Assert.DoesNotContain(created.Subscription.Id, await client.GetStringAsync("/api/alerts/subscriptions"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"url":"ftp://example.com/hook"}""")]
    [InlineData("""{"url":"/relative"}""")]
    [InlineData("""{"url":"https://user:secret@example.com/hook"}""")]
    [InlineData("""{"description":"no url"}""")]
    public async Task An_invalid_webhook_url_is_400(string body)
    {
        using var client = Alerts();
        var response = await client.PostAsync("/api/alerts/subscriptions", Json.Body(body));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Invalid webhook URL", (await response.Read<ProblemDetails>()).Title);
    }

    [Theory]
    [InlineData("limit=0")]
    [InlineData("limit=201")]
    [InlineData("videoId=bad%20id")]
    public async Task Alerts_with_bad_parameters_are_400(string query)
    {
        var response = await fixture.Client.GetAsync($"/api/alerts?{query}");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task The_openapi_document_describes_the_alert_endpoints()
    {
        var doc = await fixture.Client.GetStringAsync("/openapi/v1.json");
        Assert.Contains("\"/api/alerts\"", doc, StringComparison.Ordinal);
        Assert.Contains("\"/api/alerts/subscriptions\"", doc, StringComparison.Ordinal);
        Assert.Contains("\"/api/alerts/subscriptions/{id}\"", doc, StringComparison.Ordinal);
        Assert.Contains("CreateAlertSubscription", doc, StringComparison.Ordinal);
    }
}
