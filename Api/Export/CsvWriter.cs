namespace Insights.Api.Export;

using System.Globalization;
using System.Text;

/// <summary>
/// Writes RFC 4180 CSV: fields separated by commas, records ended by CRLF, a field holding a comma, a double quote,
/// CR or LF enclosed in double quotes with its quotes doubled. Text that came from users (<see cref="Text"/>) is
/// also guarded against formula injection (OWASP "CSV injection"): a field starting with <c>=</c>, <c>+</c>,
/// <c>-</c>, <c>@</c>, a tab or CR would be run as a formula by spreadsheet programs, so it gets a leading <c>'</c>.
/// Numbers and times are written by this code (<see cref="Number(long)"/>, <see cref="Time"/>), never guarded, so a
/// negative score stays a number.
/// </summary>
public sealed class CsvWriter(StringBuilder output)
{
    private bool _lineStarted;

    public CsvWriter()
        : this(new StringBuilder())
    {
    }

    public StringBuilder Output => output;

    public CsvWriter Text(string? value)
    {
        Field(Guard(value ?? ""));
        return this;
    }

    public CsvWriter Number(long value)
    {
        Field(value.ToString(CultureInfo.InvariantCulture));
        return this;
    }

    public CsvWriter Number(double value)
    {
        Field(value.ToString("R", CultureInfo.InvariantCulture));
        return this;
    }

    /// <summary>ISO 8601 in UTC with the offset written as Z, e.g. <c>2026-11-24T12:00:00Z</c>.</summary>
    public CsvWriter Time(DateTimeOffset value)
    {
        Field(value.UtcDateTime.ToString(value.UtcTicks % TimeSpan.TicksPerSecond == 0 ? "yyyy-MM-dd'T'HH:mm:ss'Z'" : "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture));
        return this;
    }

    /// <summary>A header line of plain names.</summary>
    public CsvWriter Header(params string[] names)
    {
        foreach (var name in names)
        {
            Text(name);
        }

        return EndLine();
    }

    public CsvWriter EndLine()
    {
        output.Append("\r\n");
        _lineStarted = false;
        return this;
    }

    /// <summary>The field as written: quoted when needed, quotes doubled.</summary>
    public static string Escape(string field) =>
        field.AsSpan().IndexOfAny(",\"\r\n") < 0 ? field : "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    /// <summary>Prefixes text a spreadsheet would take for a formula with a single quote.</summary>
    public static string Guard(string text) =>
        text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + text : text;

    private void Field(string raw)
    {
        if (_lineStarted)
        {
            output.Append(',');
        }

        output.Append(Escape(raw));
        _lineStarted = true;
    }
}
