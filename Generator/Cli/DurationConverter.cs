namespace Insights.Generator.Cli;

using System.ComponentModel;
using System.Globalization;
using System.Text.RegularExpressions;

/// <summary>
/// Reads "90m", "2h", "1h30m", "1.5h", "45s", "1d" or a TimeSpan like "01:30:00" for a command-line option.
/// Hand-written because .NET's TimeSpan converter knows only the "hh:mm:ss" form, and these short forms are the
/// generator's documented syntax.
/// </summary>
public sealed partial class DurationConverter : TypeConverter
{
    public override bool CanConvertFrom(ITypeDescriptorContext? context, Type sourceType) => sourceType == typeof(string);

    public override object ConvertFrom(ITypeDescriptorContext? context, CultureInfo? culture, object value) =>
        Parse(value as string ?? throw new NotSupportedException($"a duration is text, not {value.GetType().Name}"));

    /// <exception cref="FormatException">Not a duration, or not longer than zero.</exception>
    public static TimeSpan Parse(string s)
    {
        if (s.Contains(':') && TimeSpan.TryParse(s, CultureInfo.InvariantCulture, out var ts) && ts > TimeSpan.Zero)
        {
            return ts;
        }

        var matches = Part().Matches(s);
        if (matches.Count == 0 || string.Concat(matches.Select(m => m.Value)) != s)
        {
            throw new FormatException($"'{s}' is not a duration like 90m, 2h, 1h30m or 01:30:00.");
        }

        var total = TimeSpan.Zero;
        foreach (Match m in matches)
        {
            var x = double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
            total += m.Groups[2].Value switch
            {
                "ms" => TimeSpan.FromMilliseconds(x),
                "s" => TimeSpan.FromSeconds(x),
                "m" => TimeSpan.FromMinutes(x),
                "h" => TimeSpan.FromHours(x),
                _ => TimeSpan.FromDays(x),
            };
        }

        return total > TimeSpan.Zero ? total : throw new FormatException($"'{s}' must be longer than zero.");
    }

    [GeneratedRegex(@"(\d+(?:\.\d+)?)(ms|s|m|h|d)", RegexOptions.CultureInvariant)]
    private static partial Regex Part();
}
