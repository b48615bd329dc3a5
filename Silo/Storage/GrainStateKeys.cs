namespace Insights.Silo.Storage;

using System.Globalization;
using System.Text;

/// <summary>
/// The escaping rule of <see cref="FileGrainStorage"/> names (state name, grain type, grain key): ASCII letters, digits, '-' and '_' stay; every other UTF-16 unit becomes <c>escape</c> + 4 uppercase
/// hex digits; an empty name is the escape character alone. The escape character is never kept as is, so distinct
/// names always give distinct results, and no result contains a path separator or is '.' or '..'.
/// </summary>
internal static class GrainStateKeys
{
    /// <summary>Escape of <see cref="FileGrainStorage"/> file names (must never change: it names existing files).</summary>
    public const char FileEscape = '%';

    public static string Escape(string name, char escape)
    {
        var sb = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            if (char.IsAsciiLetterOrDigit(c) || c is '-' or '_')
            {
                sb.Append(c);
            }
            else
            {
                sb.Append(escape).Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
            }
        }

        return sb.Length == 0 ? escape.ToString() : sb.ToString();
    }
}
