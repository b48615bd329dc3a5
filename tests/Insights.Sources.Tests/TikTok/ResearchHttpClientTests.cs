namespace Insights.Sources.Tests.TikTok;

using System.Net;
using Insights.Sources.Tests.Support;
using Insights.Sources.TikTok;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

/// <summary>
/// The Research API client comes from <see cref="IHttpClientFactory"/> with the source's timeout, and without the
/// hosts' standard resilience handler: the source takes a budget token before every attempt, so a handler retrying
/// underneath would send requests the daily budget never counted.
/// </summary>
public sealed class ResearchHttpClientTests
{
    [Fact]
    public async Task The_factory_client_sends_each_request_once_even_where_hosts_add_standard_resilience()
    {
        await using var stub = await TikTokStub.StartAsync();
        stub.Intercept = _ => StubReply.Error(500, "internal_error", "down");
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Insights:Sources:TikTok:RequestTimeout"] = "00:00:07" })
            .Build();
        var services = new ServiceCollection().AddLogging();
        services.ConfigureHttpClientDefaults(http => http.AddStandardResilienceHandler()); // what ServiceDefaults does
        services.AddInsightsTikTokSource(configuration);
        await using var provider = services.BuildServiceProvider();

        var client = provider.GetRequiredService<IHttpClientFactory>().CreateClient(TikTokSourceServiceCollectionExtensions.HttpClientName);
        using var response = await client.PostAsync(stub.BaseUrl.TrimEnd('/') + TikTokStub.VideoQueryPath, new StringContent("{}"));

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Single(stub.Requests);
        Assert.Equal(TimeSpan.FromSeconds(7), client.Timeout);
    }
}
