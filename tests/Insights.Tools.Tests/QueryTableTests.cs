namespace Insights.Tools.Tests;

using Insights.Tools.Warehouse;
using Insights.Warehouse.Targets;
using Spectre.Console;
using Spectre.Console.Testing;

/// <summary>A warehouse query result printed as a Spectre.Console table.</summary>
public sealed class QueryTableTests
{
    private static string[] Render(QueryResult result, int maxRows = 100)
    {
        var console = new TestConsole().Width(120);
        console.Write(QueryTable.Create(result, maxRows));
        return console.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => line.TrimEnd()).ToArray();
    }

    private static string[] Cells(string line) => line.Split('│', StringSplitOptions.RemoveEmptyEntries).Select(cell => cell.Trim()).Where(cell => cell.Length > 0).ToArray();

    [Fact]
    public void Prints_every_cell_with_nulls_times_and_numbers_readable_and_the_row_count()
    {
        var result = new QueryResult(
            ["grain", "comments", "share", "first_seen"],
            [
                ["day", 12L, 0.25, new DateTime(2026, 11, 24, 0, 0, 0, DateTimeKind.Unspecified)],
                [null, 3L, null, new DateTime(2026, 11, 24, 5, 30, 1, 500, DateTimeKind.Utc)],
            ]);

        var lines = Render(result);

        Assert.Equal(["grain", "comments", "share", "first_seen"], Cells(lines.Single(l => l.Contains("grain", StringComparison.Ordinal))));
        Assert.Contains(lines, l => Cells(l).SequenceEqual(["day", "12", "0.25", "2026-11-24 00:00:00"]));
        Assert.Contains(lines, l => Cells(l).SequenceEqual(["NULL", "3", "NULL", "2026-11-24 05:30:01.5"]));
        Assert.Equal("(2 rows)", lines[^1].Trim());
    }

    [Fact]
    public void Numbers_are_right_aligned_and_text_left_aligned()
    {
        var lines = Render(new QueryResult(["name", "n"], [["a", 1L], ["longer name", 12345L]]));

        var first = lines.Single(l => Cells(l) is ["a", "1"]);
        var second = lines.Single(l => Cells(l) is ["longer name", "12345"]);
        Assert.Equal(second.IndexOf("longer", StringComparison.Ordinal), first.IndexOf('a', StringComparison.Ordinal));
        Assert.Equal(second.IndexOf("12345", StringComparison.Ordinal) + 4, first.IndexOf('1', StringComparison.Ordinal));
    }

    [Fact]
    public void Shows_at_most_max_rows_and_says_so()
    {
        var rows = Enumerable.Range(1, 5).Select(i => new object?[] { (long)i }).ToList();

        var lines = Render(new QueryResult(["n"], rows), maxRows: 2);

        Assert.Equal(2, lines.Count(l => Cells(l) is ["1"] or ["2"]));
        Assert.DoesNotContain(lines, l => Cells(l) is ["3"]);
        Assert.Equal("(5 rows, first 2 shown)", lines[^1].Trim());
    }

    [Fact]
    public void Values_are_text_not_markup()
    {
        var lines = Render(new QueryResult(["tag"], [["[red]#fyp[/]"]]));

        Assert.Contains(lines, l => Cells(l) is ["[red]#fyp[/]"]);
    }
}
