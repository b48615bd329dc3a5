namespace Insights.Generator.Cli;

using System.ComponentModel;
using System.Globalization;

/// <summary>
/// Reads an ISO 8601 time (2026-11-24T00:00:00Z) or Unix seconds for a command-line option. Hand-written because
/// .NET's DateTimeOffset converter reads neither Unix seconds nor assumes UTC for a time without an offset.
/// </summary>
public sealed class InstantConverter : TypeConverter
{
    public override bool CanConvertFrom(ITypeDescriptorContext? context, Type sourceType) => sourceType == typeof(string);

    public override object ConvertFrom(ITypeDescriptorContext? context, CultureInfo? culture, object value) =>
        Parse(value as string ?? throw new NotSupportedException($"a time is text, not {value.GetType().Name}"));

    /// <exception cref="FormatException">Neither form.</exception>
    public static DateTimeOffset Parse(string s)
    {
        if (long.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var unix) && unix is >= 0 and <= 253_402_300_799)
        {
            return DateTimeOffset.FromUnixTimeSeconds(unix);
        }

        if (DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var t))
        {
            return t;
        }

        throw new FormatException($"'{s}' is not an ISO 8601 time (e.g. 2026-11-24T00:00:00Z) or Unix seconds.");
    }
}
