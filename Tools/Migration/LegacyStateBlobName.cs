namespace Insights.Tools.Migration;

using System.Globalization;
using System.Text;

/// <summary>
/// The blob names of Insights' own Azure grain storage (before Orleans' provider replaced it):
/// <c>{state}/{grain type}/{grain key}</c>, each part kept as ASCII letters, digits, '-' and '_' with every other
/// UTF-16 unit written '=' + 4 uppercase hex digits, and no extension. Orleans'
/// provider names the same record <c>{state}-{grain type}/{grain key}.json</c>.
/// </summary>
public static class LegacyStateBlobName
{
    /// <summary>The Orleans name of a legacy blob, or null when <paramref name="legacy"/> is not a legacy name.</summary>
    public static string? ToOrleansName(string legacy)
    {
        var parts = legacy.Split('/');
        if (parts.Length != 3)
        {
            return null;
        }

        var state = Unescape(parts[0]);
        var type = Unescape(parts[1]);
        var key = Unescape(parts[2]);
        return state is null || type is null || key is null ? null : $"{state}-{type}/{key}.json";
    }

    private static string? Unescape(string part)
    {
        if (part == "=")
        {
            return null; // an empty name: no grain can have it (Orleans refuses empty keys), so nothing reads it
        }

        var sb = new StringBuilder(part.Length);
        for (var i = 0; i < part.Length; i++)
        {
            var c = part[i];
            if (char.IsAsciiLetterOrDigit(c) || c is '-' or '_')
            {
                sb.Append(c);
            }
            else if (c == '=' && i + 4 < part.Length && ushort.TryParse(part.AsSpan(i + 1, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var unit)
                && part.AsSpan(i + 1, 4).ToString() == unit.ToString("X4", CultureInfo.InvariantCulture))
            {
                sb.Append((char)unit);
                i += 4;
            }
            else
            {
                // '.', a lowercase escape or a stray '=': not a name the old storage could have written.
                return null;
            }
        }

        return sb.Length == 0 ? null : sb.ToString();
    }
}
