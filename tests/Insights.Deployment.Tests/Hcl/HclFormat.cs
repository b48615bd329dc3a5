namespace Insights.Deployment.Tests.Hcl;

/// <summary>
/// The layout terraform fmt gives a file, checked without Terraform: no tabs, no trailing white space, one new line at
/// the end, two spaces of indentation per bracket level (hclwrite's rule: a line that opens brackets indents the lines
/// after it by one level, however many it opens), and the '=' of consecutive one-line attributes aligned one space
/// after the longest name. Heredoc bodies are left as they are.
/// </summary>
public static class HclFormat
{
    public static IReadOnlyList<string> Check(string text, string file)
    {
        var problems = new List<string>();
        var lines = text.Split('\n');
        if (!text.EndsWith('\n') || text.EndsWith("\n\n", StringComparison.Ordinal))
        {
            problems.Add($"{file}: must end with exactly one new line");
        }

        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].Contains('\t', StringComparison.Ordinal))
            {
                problems.Add($"{file}:{i + 1}: tab (indent with spaces)");
            }

            if (lines[i].Length > 0 && char.IsWhiteSpace(lines[i][^1]))
            {
                problems.Add($"{file}:{i + 1}: trailing white space");
            }
        }

        var tokens = HclLexer.Tokenize(text, file);
        var byLine = tokens.Where(t => t.Kind is not (HclTokenKind.Newline or HclTokenKind.EndOfFile))
            .GroupBy(t => t.Line).ToDictionary(g => g.Key, g => g.ToList());
        var heredocLines = new HashSet<int>(tokens.Where(t => t.IsHeredoc).SelectMany(t => Enumerable.Range(t.Line + 1, t.EndLine - t.Line)));

        // Indentation (hclwrite's formatIndent).
        var indents = new List<int>();
        for (var number = 1; number <= lines.Length; number++)
        {
            var line = lines[number - 1];
            if (heredocLines.Contains(number) || line.Trim().Length == 0)
            {
                continue;
            }

            var net = 0;
            foreach (var token in byLine.GetValueOrDefault(number) ?? [])
            {
                if (token.IsHeredoc)
                {
                    break;
                }

                net += token.Kind != HclTokenKind.Punctuation ? 0
                    : token.Text is "{" or "[" or "(" ? 1
                    : token.Text is "}" or "]" or ")" ? -1
                    : 0;
            }

            int expected;
            if (net > 0)
            {
                expected = 2 * indents.Count;
                indents.Add(net);
            }
            else
            {
                var closed = -net;
                while (closed > 0 && indents.Count > 0)
                {
                    if (closed >= indents[^1])
                    {
                        closed -= indents[^1];
                        indents.RemoveAt(indents.Count - 1);
                    }
                    else
                    {
                        indents[^1] -= closed;
                        closed = 0;
                    }
                }

                expected = 2 * indents.Count;
            }

            var actual = line.Length - line.TrimStart(' ').Length;
            if (actual != expected)
            {
                problems.Add($"{file}:{number}: indented {actual} spaces, expected {expected}");
            }
        }

        // Alignment of '=' in runs of consecutive one-line attributes.
        var run = new List<(int Line, int NameEnd, int EqualsColumn)>();
        for (var number = 1; number <= lines.Length + 1; number++)
        {
            var attribute = number <= lines.Length && !heredocLines.Contains(number) ? OneLineAttribute(byLine.GetValueOrDefault(number)) : null;
            if (attribute is { } a)
            {
                run.Add((number, a.NameEnd, a.EqualsColumn));
                continue;
            }

            if (run.Count > 0)
            {
                var column = run.Max(r => r.NameEnd) + 1;
                foreach (var r in run.Where(r => r.EqualsColumn != column))
                {
                    problems.Add($"{file}:{r.Line}: '=' at column {r.EqualsColumn}, expected {column} (aligned with the attributes around it)");
                }

                run.Clear();
            }
        }

        return problems;
    }

    /// <summary>
    /// A line <c>name = value</c> whose value ends on the same line (brackets balanced): the column after its name and the
    /// column of its '=' (1-based). Null for anything else (blocks, multi-line values, comments, blank lines).
    /// </summary>
    private static (int NameEnd, int EqualsColumn)? OneLineAttribute(List<HclToken>? tokens)
    {
        if (tokens is not { Count: >= 3 } || tokens[0].Kind is not (HclTokenKind.Identifier or HclTokenKind.Template) || !tokens[1].Is("="))
        {
            return null;
        }

        if (tokens.Any(t => t.IsHeredoc))
        {
            return null;
        }

        var net = tokens.Sum(t => t.Kind != HclTokenKind.Punctuation ? 0 : t.Text is "{" or "[" or "(" ? 1 : t.Text is "}" or "]" or ")" ? -1 : 0);
        if (net != 0)
        {
            return null;
        }

        var name = tokens[0];
        var nameLength = name.Kind == HclTokenKind.Template ? RawLength(name) : name.Text.Length;
        return (name.Column + nameLength, tokens[1].Column);
    }

    /// <summary>Source length of a one-line quoted string: its value plus quotes (escapes in keys are not used here).</summary>
    private static int RawLength(HclToken template) => template.Text.Length + 2;
}
