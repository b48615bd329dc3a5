namespace Insights.Api.Security;

using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

/// <summary>Authenticates <c>X-Api-Key</c> / <c>Authorization: ApiKey</c> against the hashed keys of <see cref="ApiKeyRing"/>.</summary>
public sealed partial class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory loggerFactory,
    UrlEncoder encoder,
    ApiKeyRing ring,
    IOptions<AuthOptions> auth)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, loggerFactory, encoder)
{
    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            // Only reached when bearer tokens are off (AuthSchemes.Select).
            return Task.FromResult(AuthenticateResult.Fail("Bearer tokens are not accepted: Insights:Auth:Jwt is not configured; send an API key."));
        }

        var key = ApiKeyCredentials.From(Request);
        if (key is null)
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        if (key.Length == 0)
        {
            return Task.FromResult(AuthenticateResult.Fail("Send exactly one API key, in X-Api-Key or in Authorization: ApiKey <key>."));
        }

        if (ring.Find(key) is not { } entry)
        {
            LogRefused(Logger, Context.Connection.RemoteIpAddress?.ToString() ?? "?", Request.Path.Value ?? "");
            return Task.FromResult(AuthenticateResult.Fail("The API key is not valid (unknown, or rotated out)."));
        }

        var claims = new List<Claim>
        {
            new(ClaimTypes.Name, entry.Name),
            new(InsightsClaims.Client, "key:" + entry.Name),
            new(InsightsClaims.KeyName, entry.Name),
        };
        claims.AddRange(entry.Scopes.Select(s => new Claim(InsightsClaims.Scope, s)));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, Scheme.Name));
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(principal, Scheme.Name)));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Challenge.Write(Response, auth.Value);
        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused an API key from {RemoteIp} for {Path}: no accepted key matches")]
    private static partial void LogRefused(ILogger logger, string remoteIp, string path);
}

/// <summary>The 401 headers every scheme of the API sends: what credentials would be accepted.</summary>
internal static class Challenge
{
    public static void Write(HttpResponse response, AuthOptions auth)
    {
        response.StatusCode = StatusCodes.Status401Unauthorized;
        response.Headers.Append("WWW-Authenticate", $"{ApiKeyCredentials.AuthorizationScheme} header=\"{ApiKeyCredentials.HeaderName}\"");
        if (auth.Jwt.Enabled)
        {
            response.Headers.Append("WWW-Authenticate", "Bearer");
        }
    }
}
