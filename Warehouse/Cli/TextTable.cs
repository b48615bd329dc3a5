namespace Insights.Warehouse.Cli;

using System.Globalization;
using System.Text;
using Insights.Warehouse.Targets;

/// <summary>A query result as a plain-text table: numbers right-aligned, NULL for nulls, ISO times.</summary>
public static class TextTable
{
    public static string Format(QueryResult result, int maxRows = 100, int maxWidth = 60)
    {
        var shown = result.Rows.Take(maxRows).Select(r => r.Select(v => Cell(v, maxWidth)).ToArray()).ToList();
        var numeric = Enumerable.Range(0, result.Columns.Count)
            .Select(i => result.Rows.Take(maxRows).All(r => r[i] is null or sbyte or byte or short or ushort or int or uint or long or ulong or float or double or decimal or System.Numerics.BigInteger))
            .ToArray();
        var widths = Enumerable.Range(0, result.Columns.Count)
            .Select(i => Math.Max(result.Columns[i].Length, shown.Count == 0 ? 0 : shown.Max(r => r[i].Length)))
            .ToArray();

        var sb = new StringBuilder();
        sb.AppendLine(string.Join(" | ", result.Columns.Select((c, i) => numeric[i] ? c.PadLeft(widths[i]) : c.PadRight(widths[i]))).TrimEnd());
        sb.AppendLine(string.Join("-+-", widths.Select(w => new string('-', w))));
        foreach (var row in shown)
        {
            sb.AppendLine(string.Join(" | ", row.Select((c, i) => numeric[i] ? c.PadLeft(widths[i]) : c.PadRight(widths[i]))).TrimEnd());
        }

        sb.Append(CultureInfo.InvariantCulture, $"({result.Rows.Count} row{(result.Rows.Count == 1 ? "" : "s")}");
        sb.Append(result.Rows.Count > maxRows ? $", first {maxRows} shown)" : ")");
        return sb.ToString();
    }

    private static string Cell(object? value, int maxWidth)
    {
        var text = value switch
        {
            null => "NULL",
            DateTime t => t.TimeOfDay == TimeSpan.Zero && t.Kind != DateTimeKind.Local
                ? t.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)
                : t.ToString("yyyy-MM-dd HH:mm:ss.FFFFFF", CultureInfo.InvariantCulture),
            DateTimeOffset t => t.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFzzz", CultureInfo.InvariantCulture),
            DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            double d => d.ToString("0.######", CultureInfo.InvariantCulture),
            float f => f.ToString("0.######", CultureInfo.InvariantCulture),
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString() ?? "",
        };
        text = text.Replace('\n', ' ').Replace('\r', ' ');
        return text.Length > maxWidth ? text[..(maxWidth - 1)] + "…" : text;
    }
}
