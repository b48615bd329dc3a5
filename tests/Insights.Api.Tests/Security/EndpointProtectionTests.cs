namespace Insights.Api.Tests.Security;

using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using static SecurityTestSupport;

/// <summary>
/// Every route the API maps, as the app itself lists them (so that a new endpoint cannot slip through), refuses a
/// caller without valid credentials; only health stays open.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class EndpointProtectionTests(ApiFixture fixture)
{
    private static readonly string[] Anonymous = ["/healthz", "/readyz", "/metrics"];

    [Fact]
    public async Task Every_endpoint_but_health_answers_401_without_credentials_with_a_wrong_key_or_a_bearer_token_it_cannot_check()
    {
        await using var api = fixture.CreateApi(environment: Environments.Production);
        using var client = api.CreateClient();
        var endpoints = Routes(api.Services).ToList();
        Assert.Contains(endpoints, e => e.Path == "/api/events" && e.Method == "POST" && !e.Anonymous);
        Assert.Contains(endpoints, e => e.Path.StartsWith("/api/dashboard/", StringComparison.Ordinal));
        Assert.Contains(endpoints, e => e.Path.StartsWith("/scalar/", StringComparison.Ordinal));
        Assert.True(endpoints.Count >= 12, string.Join(", ", endpoints));

        foreach (var (method, path, anonymous) in endpoints)
        {
            if (Anonymous.Contains(path))
            {
                var health = await SendAsync(client, new HttpMethod(method), path);
                Assert.Equal(HttpStatusCode.OK, health.StatusCode);
                continue;
            }

            Assert.False(anonymous, $"{method} {path} is marked anonymous");

            foreach (var (key, bearer, reason) in new (string?, string?, string)[]
            {
                (null, null, "No credentials"),
                (WrongKey, null, "not valid"),
                (null, "not.a.token", "Bearer tokens are not accepted"),
            })
            {
                var response = await SendAsync(client, new HttpMethod(method), path, key, bearer, method == "GET" ? null : Json.Body("[]"));
                var problem = await ProblemAsync(response, HttpStatusCode.Unauthorized);
                Assert.Contains(reason, problem.Detail);
                Assert.Contains(response.Headers.WwwAuthenticate, h => h.Scheme == "ApiKey");
            }
        }
    }

    [Fact]
    public async Task Unknown_paths_need_credentials_too_but_the_dashboard_pages_do_not()
    {
        await using var api = fixture.CreateApi(environment: Environments.Production);
        using var client = api.CreateClient();

        await ProblemAsync(await GetAsync(client, "/api/nothing-here"), HttpStatusCode.Unauthorized);
        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync(client, "/api/nothing-here", ApiFixture.Key)).StatusCode);

        // Code without data, and the page that asks for the key: a browser cannot send one when it navigates.
        var page = await GetAsync(client, "/dashboard/");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("default-src 'self'", page.Headers.GetValues("Content-Security-Policy").Single());
    }

    [Fact]
    public async Task The_api_reference_is_open_in_development_only_and_needs_read_elsewhere()
    {
        // The fixture's API runs in Development (the factory's default).
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(fixture.Factory.CreateClient(), "/openapi/v1.json")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(fixture.Factory.CreateClient(), "/scalar/v1")).StatusCode);
        await ProblemAsync(await GetAsync(fixture.Factory.CreateClient(), "/api/videos/top"), HttpStatusCode.Unauthorized);

        await using var production = fixture.CreateApi(environment: Environments.Production);
        using var client = production.CreateClient();
        await ProblemAsync(await GetAsync(client, "/openapi/v1.json"), HttpStatusCode.Unauthorized);
        await ProblemAsync(await GetAsync(client, "/openapi/v1.json", ApiFixture.IngestKey), HttpStatusCode.Forbidden);
        var document = await GetAsync(client, "/openapi/v1.json", ApiFixture.ReadKey);
        Assert.Equal(HttpStatusCode.OK, document.StatusCode);
        var json = await document.Content.ReadAsStringAsync();
        Assert.Contains("\"X-Api-Key\"", json);
        Assert.Contains("\"bearer\"", json);
    }

    /// <summary>Every (method, path) the app maps, with sample values for route parameters, and whether it is marked anonymous.</summary>
    private static IEnumerable<(string Method, string Path, bool Anonymous)> Routes(IServiceProvider services)
    {
        foreach (var endpoint in services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var path = "/" + string.Join("/", endpoint.RoutePattern.PathSegments.Select(segment => string.Concat(segment.Parts.Select(part => part switch
            {
                RoutePatternLiteralPart literal => literal.Content,
                RoutePatternSeparatorPart separator => separator.Content,
                RoutePatternParameterPart parameter => parameter.Name switch
                {
                    "documentName" => "v1",
                    "id" or "videoId" => "7300000000000000001",
                    _ => "x",
                },
                _ => "",
            }))));
            var methods = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"];
            var anonymous = endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Authorization.IAllowAnonymous>() is not null;
            foreach (var method in methods.Where(m => m != HttpMethods.Head && m != HttpMethods.Options))
            {
                yield return (method, path, anonymous);
            }
        }
    }
}
