namespace Insights.Tools.Warehouse;

using System.Globalization;
using System.Numerics;
using global::Insights.Warehouse.Targets;
using Spectre.Console;
using Spectre.Console.Rendering;

/// <summary>
/// A query result as a Spectre.Console table: numbers right-aligned, NULL for nulls, ISO times, then a line with the
/// row count (and how many are shown when there are more). Not a table caption: that wraps to the table's width.
/// </summary>
public static class QueryTable
{
    public static IRenderable Create(QueryResult result, int maxRows = 100)
    {
        var shown = result.Rows.Take(maxRows).ToList();
        var table = new Table().Border(TableBorder.Rounded);
        for (var i = 0; i < result.Columns.Count; i++)
        {
            var numeric = shown.All(row => IsNumber(row[i]));
            table.AddColumn(new TableColumn(new Text(result.Columns[i])) { Alignment = numeric ? Justify.Right : Justify.Left });
        }

        foreach (var row in shown)
        {
            table.AddRow(row.Select(value => new Text(Cell(value))).ToArray());
        }

        var count = $"{result.Rows.Count} row{(result.Rows.Count == 1 ? "" : "s")}";
        return new Rows(table, new Text(result.Rows.Count > maxRows ? $"({count}, first {maxRows} shown)" : $"({count})"));
    }

    private static bool IsNumber(object? value) =>
        value is null or sbyte or byte or short or ushort or int or uint or long or ulong or float or double or decimal or BigInteger;

    private static string Cell(object? value)
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

        // One line per row: a newline inside a value would split the row.
        return text.Replace('\n', ' ').Replace('\r', ' ');
    }
}
