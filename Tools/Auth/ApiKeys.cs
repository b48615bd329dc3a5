namespace Insights.Tools.Auth;

using System.Security.Cryptography;
using System.Text;

/// <summary>
/// API keys and the SHA-256 hashes the API's configuration holds (<c>Insights:Auth:ApiKeys:N:Hash</c>). The API never
/// stores a plain key, so this is where a key is born. Same hash as <c>printf %s "$KEY" | sha256sum</c>.
/// </summary>
public static class ApiKeys
{
    public static readonly IReadOnlySet<string> Scopes = new HashSet<string>(StringComparer.Ordinal) { "ingest", "read", "alerts" };

    /// <summary>SHA-256 of the key's UTF-8 bytes, lower-case hex: what <c>Insights:Auth:ApiKeys:N:Hash</c> holds.</summary>
    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    /// <summary>32 random bytes, base64url, prefixed so that secret scanners and people recognise it.</summary>
    public static string NewKey() =>
        "ins_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
