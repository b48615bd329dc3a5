namespace Insights.Tools.Cli;

using System.ComponentModel;
using System.Globalization;

/// <summary>
/// Reads an ISO 8601 time for an option, taking a time without an offset as UTC. .NET's DateTimeOffset converter
/// would take it as local time, which differs between a laptop and a pod.
/// </summary>
public sealed class UtcTimeConverter : TypeConverter
{
    public override bool CanConvertFrom(ITypeDescriptorContext? context, Type sourceType) => sourceType == typeof(string);

    public override object ConvertFrom(ITypeDescriptorContext? context, CultureInfo? culture, object value) =>
        value is string text && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time)
            ? time
            : throw new FormatException($"'{value}' is not an ISO 8601 time like 2026-11-24T05:00Z.");
}
