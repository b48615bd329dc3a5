namespace Insights.Api.Tests.Security;

using System.Net;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using static SecurityTestSupport;

/// <summary>Bearer tokens signed with a configured key stand in for Entra ID's: same validation, same scope claims.</summary>
[Collection(ApiCollection.Name)]
public sealed class JwtTests(ApiFixture fixture) : IAsyncLifetime
{
    private const string Issuer = "https://issuer.insights.test/";
    private const string Audience = "api://insights-tests";
    private static readonly byte[] SigningKey = RandomNumberGenerator.GetBytes(32);
    private WebApplicationFactory<Program> _api = null!;
    private HttpClient _client = null!;

    public Task InitializeAsync()
    {
        _api = fixture.CreateApi(new Dictionary<string, string?>
        {
            ["Insights:Auth:Jwt:SigningKey"] = Convert.ToBase64String(SigningKey),
            ["Insights:Auth:Jwt:Issuer"] = Issuer,
            ["Insights:Auth:Jwt:Audience"] = Audience,
        }, environment: Environments.Production);
        _client = _api.CreateClient();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _api.DisposeAsync();
    }

    private static string Token(
        Dictionary<string, object> claims, string audience = Audience, TimeSpan? expiresIn = null, byte[]? key = null)
    {
        var now = DateTime.UtcNow;
        var expires = now + (expiresIn ?? TimeSpan.FromMinutes(10));
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = audience,
            Claims = new Dictionary<string, object>(claims) { ["sub"] = "user-" + Guid.NewGuid().ToString("N")[..8] },
            IssuedAt = expires.AddHours(-1),
            NotBefore = expires.AddHours(-1),
            Expires = expires,
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(key ?? SigningKey), SecurityAlgorithms.HmacSha256),
        });
    }

    [Fact]
    public async Task A_token_with_scp_read_reads_and_is_forbidden_to_ingest()
    {
        var token = Token(new() { ["scp"] = "openid read" });

        Assert.Equal(HttpStatusCode.OK, (await GetAsync(_client, "/api/videos/top", bearer: token)).StatusCode);
        var forbidden = await PostEventsAsync(_client, bearer: token);
        Assert.Contains("'ingest'", (await ProblemAsync(forbidden, HttpStatusCode.Forbidden)).Detail);
        Assert.Contains(forbidden.Headers.WwwAuthenticate, h => h.Scheme == "Bearer" && h.Parameter!.Contains("insufficient_scope"));
    }

    [Fact]
    public async Task Entra_style_scopes_and_app_roles_count()
    {
        Assert.Equal(HttpStatusCode.OK, (await PostEventsAsync(_client, bearer: Token(new() { ["scp"] = "Insights.Ingest" }))).StatusCode);
        var app = Token(new() { ["roles"] = new[] { "Insights.Ingest", "Insights.Read" } });
        Assert.Equal(HttpStatusCode.OK, (await PostEventsAsync(_client, bearer: app)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(_client, "/api/videos/top", bearer: app)).StatusCode);
        await ProblemAsync(await GetAsync(_client, "/api/videos/top", bearer: Token(new() { ["scp"] = "profile" })), HttpStatusCode.Forbidden);
    }

    [Theory]
    [InlineData("audience", "another audience")]
    [InlineData("expired", "expired")]
    [InlineData("signature", "signature")]
    public async Task A_token_for_another_audience_expired_or_badly_signed_is_401(string flaw, string reason)
    {
        var claims = new Dictionary<string, object> { ["scp"] = "read ingest" };
        var token = flaw switch
        {
            "audience" => Token(claims, audience: "api://someone-else"),
            "expired" => Token(claims, expiresIn: TimeSpan.FromHours(-1)),
            _ => Token(claims, key: RandomNumberGenerator.GetBytes(32)),
        };

        var response = await GetAsync(_client, "/api/videos/top", bearer: token);
        Assert.Contains(reason, (await ProblemAsync(response, HttpStatusCode.Unauthorized)).Detail);
        Assert.Contains(response.Headers.WwwAuthenticate, h => h.Scheme == "Bearer");
    }

    [Fact]
    public async Task Api_keys_keep_working_beside_bearer_tokens()
    {
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(_client, "/api/videos/top", ApiFixture.ReadKey)).StatusCode);
        var none = await GetAsync(_client, "/api/videos/top");
        await ProblemAsync(none, HttpStatusCode.Unauthorized);
        Assert.Contains(none.Headers.WwwAuthenticate, h => h.Scheme == "Bearer");
        Assert.Contains(none.Headers.WwwAuthenticate, h => h.Scheme == "ApiKey");
    }

    [Fact]
    public async Task An_entra_authority_is_used_for_its_metadata_and_needs_an_audience()
    {
        await using var entra = fixture.CreateApi(new Dictionary<string, string?>
        {
            ["Insights:Auth:Jwt:Authority"] = "https://login.microsoftonline.com/00000000-0000-0000-0000-000000000001/v2.0",
            ["Insights:Auth:Jwt:Audience"] = "api://insights",
            ["Insights:Auth:Jwt:Audiences:0"] = "11111111-2222-3333-4444-555555555555",
        }, withTestKeys: false, environment: Environments.Production);
        Start(entra);
        var options = entra.Services.GetRequiredService<IOptionsMonitor<JwtBearerOptions>>().Get(JwtBearerDefaults.AuthenticationScheme);
        Assert.Equal("https://login.microsoftonline.com/00000000-0000-0000-0000-000000000001/v2.0", options.Authority);
        Assert.False(options.MapInboundClaims);
        Assert.Equal(["api://insights", "11111111-2222-3333-4444-555555555555"], options.TokenValidationParameters.ValidAudiences);

        using var noAudience = fixture.CreateApi(new Dictionary<string, string?>
        {
            ["Insights:Auth:Jwt:Authority"] = "https://login.microsoftonline.com/00000000-0000-0000-0000-000000000001/v2.0",
        }, withTestKeys: false, environment: Environments.Production);
        Assert.Contains("Insights:Auth:Jwt:Audience is required", Flatten(Assert.ThrowsAny<Exception>(() => Start(noAudience))));
    }
}
