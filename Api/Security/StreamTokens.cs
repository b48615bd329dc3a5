namespace Insights.Api.Security;

using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;

/// <summary>
/// Short-lived tokens that open the dashboard's Server-Sent Events streams. EventSource cannot send headers, and an
/// API key in a URL would end up in proxy logs and browser history for as long as the key lives; a stream token is
/// worth less if it leaks: it grants <c>read</c> on the stream routes only, for <see cref="StreamTokenOptions.Lifetime"/>,
/// and one issued for a key dies with that key. Format: base64url(JSON payload) "." base64url(HMAC-SHA256).
/// </summary>
public sealed class StreamTokens(IOptionsMonitor<AuthOptions> options, ApiKeyRing ring, TimeProvider clock)
{
    public const string QueryParameter = "access_token";
    private const int Version = 1;
    private readonly byte[] _processKey = RandomNumberGenerator.GetBytes(32);

    public (string Token, DateTimeOffset ExpiresAt) Issue(ClaimsPrincipal user)
    {
        var expiresAt = clock.GetUtcNow() + options.CurrentValue.StreamTokens.Lifetime;
        var payload = new Payload(Version, InsightsClaims.ClientOf(user), user.FindFirst(InsightsClaims.KeyName)?.Value, expiresAt.ToUnixTimeMilliseconds());
        var body = Base64Url(JsonSerializer.SerializeToUtf8Bytes(payload));
        return (body + "." + Base64Url(Sign(body)), expiresAt);
    }

    /// <summary>The principal the token stands for (scope <c>read</c> only), or the reason it is refused.</summary>
    public (ClaimsPrincipal? User, string? Error) Validate(string token, string scheme)
    {
        var dot = token.IndexOf('.');
        if (dot <= 0 || !TryFromBase64Url(token[(dot + 1)..], out var mac)
            || !CryptographicOperations.FixedTimeEquals(mac, Sign(token[..dot])))
        {
            return (null, "The stream token is not valid.");
        }

        Payload? payload;
        try
        {
            payload = TryFromBase64Url(token[..dot], out var json) ? JsonSerializer.Deserialize<Payload>(json) : null;
        }
        catch (JsonException)
        {
            payload = null;
        }

        if (payload is null || payload.V != Version || string.IsNullOrEmpty(payload.C))
        {
            return (null, "The stream token is not valid.");
        }

        if (clock.GetUtcNow().ToUnixTimeMilliseconds() >= payload.E)
        {
            return (null, "The stream token has expired; ask POST /api/dashboard/stream-token for a new one.");
        }

        if (payload.K is not null && !ring.Grants(payload.K, Scopes.Read))
        {
            return (null, "The API key this stream token was issued for is no longer accepted.");
        }

        var claims = new List<Claim>
        {
            new(ClaimTypes.Name, payload.K ?? payload.C),
            new(InsightsClaims.Client, payload.C),
            new(InsightsClaims.Scope, Scopes.Read),
            new(InsightsClaims.Expires, payload.E.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        };
        if (payload.K is not null)
        {
            claims.Add(new Claim(InsightsClaims.KeyName, payload.K));
        }

        return (new ClaimsPrincipal(new ClaimsIdentity(claims, scheme)), null);
    }

    /// <summary>When the credential of <paramref name="user"/> runs out, for credentials that do (stream tokens).</summary>
    public static DateTimeOffset? ExpiryOf(ClaimsPrincipal user) =>
        long.TryParse(user.FindFirst(InsightsClaims.Expires)?.Value, out var ms) ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : null;

    /// <summary>The configured signing key (base64, 32 bytes or more), else this process's random one.</summary>
    public static bool TryReadKey(string? base64, out byte[] key)
    {
        key = [];
        if (string.IsNullOrWhiteSpace(base64))
        {
            return false;
        }

        try
        {
            key = Convert.FromBase64String(base64.Trim());
        }
        catch (FormatException)
        {
            return false;
        }

        return key.Length >= 32;
    }

    private byte[] Sign(string body) =>
        HMACSHA256.HashData(TryReadKey(options.CurrentValue.StreamTokens.SigningKey, out var key) ? key : _processKey, Encoding.ASCII.GetBytes(body));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static bool TryFromBase64Url(string text, out byte[] bytes)
    {
        var padded = text.Replace('-', '+').Replace('_', '/');
        padded += new string('=', (4 - padded.Length % 4) % 4);
        bytes = new byte[padded.Length];
        if (Convert.TryFromBase64String(padded, bytes, out var written))
        {
            bytes = bytes[..written];
            return true;
        }

        return false;
    }

    /// <summary>v: format version, c: client, k: key name (null for a bearer token), e: expiry in Unix milliseconds.</summary>
    private sealed record Payload(int V, string C, string? K, long E);
}
