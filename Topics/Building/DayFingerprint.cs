namespace Insights.Topics.Building;

using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Insights.Lake;

/// <summary>
/// What a day's comment files looked like when its topics were built: a hash of their paths, sizes and times. The
/// processed writer only adds files (and a replay rewrites them), so an equal fingerprint means nothing new landed.
/// </summary>
public static class DayFingerprint
{
    public static string Of(IEnumerable<BlobFile> files)
    {
        var text = new StringBuilder();
        foreach (var file in files.OrderBy(f => f.Path, StringComparer.Ordinal))
        {
            text.Append(file.Path).Append('|')
                .Append(file.Size.ToString(CultureInfo.InvariantCulture)).Append('|')
                .Append(file.LastModified.UtcTicks.ToString(CultureInfo.InvariantCulture)).Append('\n');
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
