namespace Insights.Tools.Quality;

/// <summary>One published baseline: an analyzer's scores on one data file.</summary>
internal sealed record Baseline(string File, string Analyzer, double Accuracy, double MacroF1, double MacroRecall);

/// <summary>
/// Reads the baselines table of the shared data folder's README.md: a Markdown table whose header has the columns
/// <c>file</c>, <c>analyzer</c>, <c>accuracy</c>, <c>macro-F1</c> and <c>macro-recall</c> (in any order). Analyzer
/// names lose their parenthesized details ("VADER (compound ...)" becomes "VADER"). Anything else is ignored;
/// an unreadable table gives no baselines rather than an error (they are only for comparison).
/// </summary>
internal static class BaselineTable
{
    public static IReadOnlyList<Baseline> Read(string readmePath)
    {
        try
        {
            return File.Exists(readmePath) ? Parse(File.ReadAllLines(readmePath)) : [];
        }
        catch (IOException)
        {
            return [];
        }
        catch (UnauthorizedAccessException)
        {
            return [];
        }
    }

    public static IReadOnlyList<Baseline> Parse(IReadOnlyList<string> lines)
    {
        var baselines = new List<Baseline>();
        for (var i = 0; i < lines.Count; i++)
        {
            var header = Cells(lines[i]);
            if (header is null)
            {
                continue;
            }

            int file = Column(header, "file"), analyzer = Column(header, "analyzer"), accuracy = Column(header, "accuracy"),
                f1 = Column(header, "macro-F1"), recall = Column(header, "macro-recall");
            if (file < 0 || analyzer < 0 || accuracy < 0 || f1 < 0 || recall < 0)
            {
                continue;
            }

            for (i++; i < lines.Count && Cells(lines[i]) is { } row; i++)
            {
                if (row.Count != header.Count || !TryNumber(row[accuracy], out var a) || !TryNumber(row[f1], out var f) || !TryNumber(row[recall], out var r))
                {
                    continue; // the |---| separator, or a row that does not parse
                }

                var name = row[analyzer];
                var parenthesis = name.IndexOf('(');
                baselines.Add(new Baseline(row[file], (parenthesis > 0 ? name[..parenthesis] : name).Trim(), a, f, r));
            }
        }

        return baselines;
    }

    /// <summary>Baselines of a data file, matched by name with or without its extension.</summary>
    public static IEnumerable<Baseline> For(IEnumerable<Baseline> baselines, string fileName)
    {
        var stem = Path.GetFileNameWithoutExtension(fileName);
        return baselines.Where(b =>
            string.Equals(b.File, fileName, StringComparison.OrdinalIgnoreCase) || string.Equals(b.File, stem, StringComparison.OrdinalIgnoreCase));
    }

    private static List<string>? Cells(string line)
    {
        var trimmed = line.Trim();
        if (trimmed.Length < 2 || trimmed[0] != '|' || trimmed[^1] != '|')
        {
            return null;
        }

        return trimmed[1..^1].Split('|').Select(cell => cell.Trim()).ToList();
    }

    private static int Column(List<string> header, string name) =>
        header.FindIndex(cell => string.Equals(cell, name, StringComparison.OrdinalIgnoreCase));

    private static bool TryNumber(string cell, out double value) =>
        double.TryParse(cell, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out value);
}
