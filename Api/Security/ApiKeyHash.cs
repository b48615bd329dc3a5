namespace Insights.Api.Security;

using System.Security.Cryptography;
using System.Text;

/// <summary>
/// How keys are stored: SHA-256 of the key's UTF-8 bytes. Keys are long random strings, so a plain fast hash is
/// enough (no salt or stretching: nothing to guess), and it is what <c>sha256sum</c> prints.
/// </summary>
public static class ApiKeyHash
{
    /// <summary>Keys longer than this are refused before hashing (generated keys have 47 characters).</summary>
    public const int MaxKeyLength = 512;

    public static byte[] Compute(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));

    public static string ComputeHex(string key) => Convert.ToHexStringLower(Compute(key));

    /// <summary>Reads a configured hash: 64 hex digits or base64 of 32 bytes, optionally prefixed <c>sha256:</c>.</summary>
    public static bool TryParse(string? text, out byte[] hash)
    {
        hash = [];
        var value = text?.Trim() ?? "";
        if (value.StartsWith("sha256:", StringComparison.OrdinalIgnoreCase))
        {
            value = value["sha256:".Length..];
        }

        if (value.Length == 64 && value.All(Uri.IsHexDigit))
        {
            hash = Convert.FromHexString(value);
            return true;
        }

        var buffer = new byte[48];
        if (Convert.TryFromBase64String(value, buffer, out var written) && written == 32)
        {
            hash = buffer[..32];
            return true;
        }

        return false;
    }

    /// <summary>A new key: 32 random bytes, base64url, with a prefix that secret scanners and people recognise.</summary>
    public static string NewKey() => "ins_" + Base64Url(RandomNumberGenerator.GetBytes(32));

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
