namespace Insights.Api.Tests.Security;

using System.Net;
using System.Security.Cryptography;
using System.Text;
using Insights.Api.Security;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using static SecurityTestSupport;

/// <summary>Keys live in configuration as hashes only; a missing or mistaken configuration stops the API at start.</summary>
[Collection(ApiCollection.Name)]
public sealed class KeyConfigurationTests(ApiFixture fixture)
{
    [Fact]
    public void The_configuration_holds_hashes_never_the_keys()
    {
        var values = fixture.Factory.Services.GetRequiredService<IConfiguration>().AsEnumerable().Select(p => p.Value ?? "").ToList();
        foreach (var key in new[] { ApiFixture.Key, ApiFixture.ReadKey, ApiFixture.IngestKey })
        {
            Assert.DoesNotContain(values, v => v.Contains(key, StringComparison.Ordinal));
            Assert.Contains(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key))), values);
        }
    }

    [Fact]
    public async Task A_hash_may_be_base64_and_upper_case_hex_too()
    {
        const string key = "ins_base64-hashed-key";
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(key));
        await using var api = fixture.CreateApi(new Dictionary<string, string?>
        {
            ["Insights:Auth:ApiKeys:3:Name"] = "base64",
            ["Insights:Auth:ApiKeys:3:Hash"] = Convert.ToBase64String(hash),
            ["Insights:Auth:ApiKeys:3:Scopes:0"] = "Insights.Read",
            ["Insights:Auth:ApiKeys:4:Name"] = "hex",
            ["Insights:Auth:ApiKeys:4:Hash"] = "sha256:" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key + "2"))),
            ["Insights:Auth:ApiKeys:4:Scopes:0"] = "read",
        });
        using var client = api.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(client, "/api/videos/top", key)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(client, "/api/videos/top", key + "2")).StatusCode);
    }

    [Fact]
    public void A_plain_key_where_the_hash_belongs_stops_the_api_at_start_naming_the_key()
    {
        using var api = fixture.CreateApi(new Dictionary<string, string?>
        {
            ["Insights:Auth:ApiKeys:3:Name"] = "oops",
            ["Insights:Auth:ApiKeys:3:Hash"] = "ins_the-plain-key-itself",
            ["Insights:Auth:ApiKeys:3:Scopes:0"] = "read",
        });

        var error = Flatten(Assert.ThrowsAny<Exception>(() => Start(api)));
        Assert.Contains("Insights:Auth:ApiKeys:3:Hash", error);
        Assert.DoesNotContain("ins_the-plain-key-itself", error);
    }

    [Fact]
    public void An_unknown_scope_stops_the_api_at_start()
    {
        using var api = fixture.CreateApi(new Dictionary<string, string?> { ["Insights:Auth:ApiKeys:0:Scopes:1"] = "admin" });

        var error = Flatten(Assert.ThrowsAny<Exception>(() => Start(api)));
        Assert.Contains("Insights:Auth:ApiKeys:0:Scopes", error);
        Assert.Contains("'admin'", error);
    }

    [Fact]
    public void Outside_development_no_credential_configured_stops_the_api_at_start_naming_the_keys_to_set()
    {
        using var api = fixture.CreateApi(
            new Dictionary<string, string?> { ["Insights:Auth:DevelopmentKey"] = "ins_ignored-outside-development" },
            withTestKeys: false,
            environment: Environments.Production);

        var error = Flatten(Assert.ThrowsAny<Exception>(() => Start(api)));
        Assert.Contains("Insights:Auth:ApiKeys:0:Hash", error);
        Assert.Contains("Insights:Auth:Jwt:Authority", error);
        Assert.Contains("Development environment only", error);
    }

    [Fact]
    public async Task In_development_without_credentials_a_random_key_is_printed_and_accepted_with_every_scope()
    {
        var console = new StringWriter();
        var original = Console.Out;
        Console.SetOut(TextWriter.Synchronized(console));
        DevelopmentApiKey? development;
        await using var api = fixture.CreateApi(withTestKeys: false);
        try
        {
            Start(api);
            development = api.Services.GetRequiredService<ApiKeyRing>().Development;
        }
        finally
        {
            Console.SetOut(original);
        }

        Assert.NotNull(development);
        Assert.True(development.Generated);
        Assert.Contains($"Insights API key for local development: {development.Key} (scopes ingest, read, alerts)", console.ToString());

        using var client = api.CreateClient();
        await ProblemAsync(await GetAsync(client, "/api/videos/top"), HttpStatusCode.Unauthorized);
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(client, "/api/videos/top", development.Key)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await PostEventsAsync(client, development.Key)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(client, "/api/alerts/subscriptions", development.Key)).StatusCode);
    }

    [Fact]
    public async Task In_development_a_known_development_key_is_accepted_as_given()
    {
        const string key = "ins_known-development-key";
        await using var api = fixture.CreateApi(new Dictionary<string, string?> { ["Insights:Auth:DevelopmentKey"] = key }, withTestKeys: false);
        using var client = api.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await GetAsync(client, "/api/videos/top", key)).StatusCode);
        Assert.False(api.Services.GetRequiredService<ApiKeyRing>().Development!.Generated);
    }
}
