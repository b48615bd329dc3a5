namespace Insights.Api.Security;

using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.Tokens;

/// <summary>
/// Bearer tokens from <c>Insights:Auth:Jwt</c>: an OpenID Connect authority (Entra ID: signing keys from its
/// metadata, refreshed as Entra rotates them) or a fixed HMAC key. Scopes come from <c>scp</c> (delegated, space
/// separated) and <c>roles</c> (application permissions), as <c>read</c>/<c>ingest</c> or <c>Insights.Read</c>/<c>Insights.Ingest</c>.
/// </summary>
internal static class JwtBearerSetup
{
    public static void Configure(JwtBearerOptions options, JwtOptions jwt)
    {
        // Keep claim names as issued (scp, roles, sub), not mapped to long WS-* URIs.
        options.MapInboundClaims = false;
        options.RequireHttpsMetadata = jwt.RequireHttpsMetadata;
        if (!string.IsNullOrWhiteSpace(jwt.Authority))
        {
            options.Authority = jwt.Authority.Trim();
        }

        var parameters = new TokenValidationParameters
        {
            ValidateAudience = true,
            ValidAudiences = jwt.AllAudiences().ToList(),
            ValidateIssuer = true,
            ValidateLifetime = true,
            RequireExpirationTime = true,
            NameClaimType = "name",
            RoleClaimType = "roles",
            AuthenticationType = AuthSchemes.Bearer,
        };
        if (!string.IsNullOrWhiteSpace(jwt.Issuer))
        {
            parameters.ValidIssuer = jwt.Issuer.Trim();
        }

        if (StreamTokens.TryReadKey(jwt.SigningKey, out var key))
        {
            parameters.IssuerSigningKey = new SymmetricSecurityKey(key);
            parameters.ValidAlgorithms = [SecurityAlgorithms.HmacSha256, SecurityAlgorithms.HmacSha384, SecurityAlgorithms.HmacSha512];
        }

        options.TokenValidationParameters = parameters;
        options.Events = new JwtBearerEvents { OnTokenValidated = AddInsightsClaims };
    }

    private static Task AddInsightsClaims(TokenValidatedContext context)
    {
        if (context.Principal?.Identity is not ClaimsIdentity identity)
        {
            context.Fail("The bearer token has no identity.");
            return Task.CompletedTask;
        }

        var granted = identity.FindAll("scp").SelectMany(c => c.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Concat(identity.FindAll("roles").Select(c => c.Value))
            .Select(Scopes.Normalize)
            .OfType<string>()
            .Distinct()
            .ToList(); // before adding claims to the identity being read
        foreach (var scope in granted)
        {
            identity.AddClaim(new Claim(InsightsClaims.Scope, scope));
        }

        // sub is per user (or per service principal for app tokens); oid/azp/appid cover tokens without one.
        var subject = new[] { "sub", "oid", "azp", "appid" }.Select(t => identity.FindFirst(t)?.Value).FirstOrDefault(v => !string.IsNullOrEmpty(v));
        identity.AddClaim(new Claim(InsightsClaims.Client, "jwt:" + (subject ?? "unknown")));
        return Task.CompletedTask;
    }

    /// <summary>A 401 reason for a refused token that helps the caller without echoing validation internals.</summary>
    public static string Describe(Exception failure) => failure switch
    {
        AggregateException { InnerExceptions.Count: > 0 } many => Describe(many.InnerExceptions[0]),
        SecurityTokenExpiredException => "The bearer token has expired.",
        SecurityTokenNotYetValidException => "The bearer token is not valid yet.",
        SecurityTokenInvalidAudienceException => "The bearer token is for another audience (Insights:Auth:Jwt:Audience).",
        SecurityTokenInvalidIssuerException => "The bearer token is from another issuer.",
        SecurityTokenSignatureKeyNotFoundException or SecurityTokenInvalidSignatureException => "The bearer token's signature is not valid.",
        SecurityTokenException => "The bearer token is not valid.",
        _ => failure.Message,
    };
}
