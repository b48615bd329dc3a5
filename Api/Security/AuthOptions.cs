namespace Insights.Api.Security;

/// <summary>
/// Who may call the API (<c>Insights:Auth</c>). Read through <c>IOptionsMonitor</c>: API keys added to or removed
/// from a reloaded source (an edited appsettings.json, a Key Vault provider with a reload interval) apply to the next
/// request, so a key is rotated by adding the new one, moving clients over, then removing the old one.
/// </summary>
public sealed class AuthOptions
{
    public const string SectionName = "Insights:Auth";

    /// <summary>API keys, stored as SHA-256 hashes: the process never holds the plain keys it accepts.</summary>
    public List<ApiKeyOptions> ApiKeys { get; set; } = [];

    /// <summary>Bearer tokens (Entra ID or another issuer); off unless an authority or a signing key is set.</summary>
    public JwtOptions Jwt { get; set; } = new();

    /// <summary>
    /// A plain key accepted with every scope, in the Development environment only, so that scripts can share a known
    /// key (<c>./run-local.sh</c> sets it). Ignored elsewhere. Without it and without any other credential,
    /// Development generates a random key at start and prints it.
    /// </summary>
    public string? DevelopmentKey { get; set; }

    /// <summary>The dashboard's short-lived stream tokens (<see cref="StreamTokenOptions"/>).</summary>
    public StreamTokenOptions StreamTokens { get; set; } = new();
}

public sealed class ApiKeyOptions
{
    /// <summary>Identifies the key in logs, in rate-limit partitions and during rotation; never secret.</summary>
    public string? Name { get; set; }

    /// <summary>SHA-256 of the key's UTF-8 bytes: 64 hex digits or 44 base64 characters, optionally prefixed <c>sha256:</c>.</summary>
    public string? Hash { get; set; }

    /// <summary><c>ingest</c>, <c>read</c> and/or <c>alerts</c>.</summary>
    public List<string> Scopes { get; set; } = [];
}

public sealed class JwtOptions
{
    /// <summary>OpenID Connect authority, e.g. <c>https://login.microsoftonline.com/{tenant}/v2.0</c>; its signing keys are fetched and refreshed from its metadata.</summary>
    public string? Authority { get; set; }

    /// <summary>Expected <c>aud</c>: the API's application ID URI or client id.</summary>
    public string? Audience { get; set; }

    /// <summary>More accepted audiences (Entra v1 and v2 tokens of the same app carry different ones).</summary>
    public List<string> Audiences { get; set; } = [];

    /// <summary>Expected <c>iss</c>; required with <see cref="SigningKey"/>, optional with an authority (its metadata names the issuer).</summary>
    public string? Issuer { get; set; }

    /// <summary>Base64 HMAC-SHA256 key (at least 32 bytes) for self-hosted issuers and tests, instead of an authority.</summary>
    public string? SigningKey { get; set; }

    /// <summary>Refuse an authority reached over plain HTTP.</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    public bool Enabled => !string.IsNullOrWhiteSpace(Authority) || !string.IsNullOrWhiteSpace(SigningKey);

    public IEnumerable<string> AllAudiences() =>
        Audiences.Prepend(Audience ?? "").Where(a => !string.IsNullOrWhiteSpace(a)).Distinct(StringComparer.Ordinal);
}

public sealed class StreamTokenOptions
{
    /// <summary>How long a stream token opens streams; an open stream ends when its token expires and the page renews it.</summary>
    public TimeSpan Lifetime { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Base64 HMAC key (at least 32 bytes) signing stream tokens. Needed when several API instances share a load
    /// balancer (a token from one must open a stream on another); without it each process draws a random key.
    /// </summary>
    public string? SigningKey { get; set; }
}
