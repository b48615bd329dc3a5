namespace Insights.Grains.Domain.Alerts;

using System.Globalization;
using System.Security.Cryptography;
using System.Text;

/// <summary>
/// How deliveries are signed: header <see cref="Header"/> is <c>t=&lt;unix seconds&gt;,v1=&lt;hex&gt;</c>, where the hex is
/// HMAC-SHA256, keyed with the UTF-8 bytes of the subscription's secret, over the ASCII timestamp, a dot and the raw
/// request body. A receiver recomputes it over the bytes it received, compares in constant time, and refuses a
/// timestamp too far from its clock (a replayed request).
/// </summary>
public static class WebhookSignature
{
    public const string Header = "X-Insights-Signature";

    /// <summary>The alert's id: the same on every retry, so a receiver can drop a repeat.</summary>
    public const string DeliveryHeader = "X-Insights-Delivery";

    public const string SecretPrefix = "whsec_";

    public static string NewSecret() =>
        SecretPrefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string Sign(string secret, long timestamp, ReadOnlySpan<byte> body)
    {
        var prefix = Encoding.ASCII.GetBytes(timestamp.ToString(CultureInfo.InvariantCulture) + ".");
        var signed = new byte[prefix.Length + body.Length];
        prefix.CopyTo(signed, 0);
        body.CopyTo(signed.AsSpan(prefix.Length));
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), signed);
        return string.Create(CultureInfo.InvariantCulture, $"t={timestamp},v1={Convert.ToHexStringLower(mac)}");
    }
}
