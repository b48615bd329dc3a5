namespace Insights.Warehouse.Modeling;

using System.Globalization;
using System.Text;

/// <summary>
/// The part of YAML that dbt project files use here: block mappings and sequences by indentation, plain and quoted
/// scalars, flow sequences (<c>[a, 'b']</c>) and flow mappings of scalars (<c>{a: b}</c>), comments. Mappings come
/// back as <see cref="Dictionary{TKey, TValue}"/> (string keys, ordinal), sequences as <see cref="List{T}"/>,
/// scalars as strings (null for <c>~</c>, <c>null</c> or nothing). Anything else (anchors, block scalars, tags,
/// multi-line flow) is refused with its line number rather than misread.
/// </summary>
public static class MiniYaml
{
    public static object? Parse(string text)
    {
        var lines = new List<Line>();
        var number = 0;
        foreach (var raw in text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            number++;
            if (raw.Contains('\t', StringComparison.Ordinal) && raw.TrimStart(' ').StartsWith('\t'))
            {
                throw new FormatException($"line {number}: tabs are not allowed for indentation");
            }

            var content = StripComment(raw).TrimEnd();
            if (content.Trim().Length == 0 || content.Trim() is "---" or "...")
            {
                continue;
            }

            var indent = content.Length - content.TrimStart(' ').Length;
            lines.Add(new Line(number, indent, content[indent..]));
        }

        if (lines.Count == 0)
        {
            return null;
        }

        var position = 0;
        var value = ParseBlock(lines, ref position, lines[0].Indent);
        if (position < lines.Count)
        {
            throw new FormatException($"line {lines[position].Number}: unexpected indentation");
        }

        return value;
    }

    private sealed record Line(int Number, int Indent, string Text);

    private static object? ParseBlock(List<Line> lines, ref int position, int indent)
    {
        var line = lines[position];
        return line.Text.StartsWith("- ", StringComparison.Ordinal) || line.Text == "-"
            ? ParseSequence(lines, ref position, indent)
            : ParseMapping(lines, ref position, indent);
    }

    private static List<object?> ParseSequence(List<Line> lines, ref int position, int indent)
    {
        var list = new List<object?>();
        while (position < lines.Count && lines[position].Indent == indent && (lines[position].Text.StartsWith("- ", StringComparison.Ordinal) || lines[position].Text == "-"))
        {
            var line = lines[position];
            var rest = line.Text.Length > 1 ? line.Text[2..].TrimStart(' ') : "";
            var itemIndent = indent + (line.Text.Length - rest.Length);
            if (rest.Length == 0)
            {
                position++;
                list.Add(position < lines.Count && lines[position].Indent > indent ? ParseBlock(lines, ref position, lines[position].Indent) : null);
            }
            else if (IsMappingEntry(rest))
            {
                // "- key: value" starts a mapping whose further keys sit at the column of "key".
                lines[position] = line with { Indent = itemIndent, Text = rest };
                list.Add(ParseMapping(lines, ref position, itemIndent));
            }
            else
            {
                position++;
                list.Add(ParseScalarOrFlow(rest, line.Number));
            }
        }

        return list;
    }

    private static Dictionary<string, object?> ParseMapping(List<Line> lines, ref int position, int indent)
    {
        var map = new Dictionary<string, object?>(StringComparer.Ordinal);
        while (position < lines.Count && lines[position].Indent == indent)
        {
            var line = lines[position];
            if (line.Text.StartsWith('-'))
            {
                throw new FormatException($"line {line.Number}: a sequence item where a mapping key was expected");
            }

            var (key, rest) = SplitEntry(line.Text, line.Number);
            position++;
            object? value;
            if (rest.Length > 0)
            {
                value = ParseScalarOrFlow(rest, line.Number);
            }
            else if (position < lines.Count && lines[position].Indent > indent)
            {
                value = ParseBlock(lines, ref position, lines[position].Indent);
            }
            else if (position < lines.Count && lines[position].Indent == indent && lines[position].Text.StartsWith("- ", StringComparison.Ordinal))
            {
                // A sequence may sit at the same indentation as its key.
                value = ParseSequence(lines, ref position, indent);
            }
            else
            {
                value = null;
            }

            if (!map.TryAdd(key, value))
            {
                throw new FormatException($"line {line.Number}: duplicate key '{key}'");
            }
        }

        if (position < lines.Count && lines[position].Indent > indent)
        {
            throw new FormatException($"line {lines[position].Number}: unexpected indentation");
        }

        return map;
    }

    private static bool IsMappingEntry(string text)
    {
        if (text.StartsWith('\'') || text.StartsWith('"'))
        {
            var end = QuotedEnd(text);
            return end > 0 && end + 1 < text.Length && text[end + 1] == ':' && (end + 2 == text.Length || text[end + 2] == ' ');
        }

        if (text.StartsWith('[') || text.StartsWith('{'))
        {
            return false;
        }

        var colon = FindKeyColon(text);
        return colon > 0;
    }

    private static (string Key, string Value) SplitEntry(string text, int number)
    {
        if (text.StartsWith('\'') || text.StartsWith('"'))
        {
            var end = QuotedEnd(text);
            if (end < 0 || end + 1 >= text.Length || text[end + 1] != ':')
            {
                throw new FormatException($"line {number}: expected 'key: value'");
            }

            return (Unquote(text[..(end + 1)], number), text[(end + 2)..].Trim());
        }

        var colon = FindKeyColon(text);
        if (colon <= 0)
        {
            throw new FormatException($"line {number}: expected 'key: value'");
        }

        return (text[..colon].Trim(), text[(colon + 1)..].Trim());
    }

    /// <summary>The colon that ends a plain key: followed by a space or the end of the line.</summary>
    private static int FindKeyColon(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == ':' && (i + 1 == text.Length || text[i + 1] == ' '))
            {
                return i;
            }
        }

        return -1;
    }

    private static object? ParseScalarOrFlow(string text, int number)
    {
        if (text.StartsWith('['))
        {
            if (!text.EndsWith(']'))
            {
                throw new FormatException($"line {number}: flow sequences must close on their line");
            }

            return SplitFlow(text[1..^1], number).Select(item => ParseScalarOrFlow(item, number)).ToList();
        }

        if (text.StartsWith('{'))
        {
            if (!text.EndsWith('}'))
            {
                throw new FormatException($"line {number}: flow mappings must close on their line");
            }

            var map = new Dictionary<string, object?>(StringComparer.Ordinal);
            foreach (var item in SplitFlow(text[1..^1], number))
            {
                var (key, rest) = SplitEntry(item, number);
                map[key] = rest.Length == 0 ? null : ParseScalarOrFlow(rest, number);
            }

            return map;
        }

        if (text[0] is '&' or '*' or '!' or '|' or '>' or '%' or '@' or '`')
        {
            throw new FormatException($"line {number}: '{text[0]}' (anchors, tags, block scalars) is not supported");
        }

        if (text.StartsWith('\'') || text.StartsWith('"'))
        {
            var end = QuotedEnd(text);
            if (end != text.Length - 1)
            {
                throw new FormatException($"line {number}: unterminated or trailing text after a quoted scalar");
            }

            return Unquote(text, number);
        }

        return text is "~" or "null" or "Null" or "NULL" ? null : text;
    }

    private static List<string> SplitFlow(string inner, int number)
    {
        var items = new List<string>();
        var depth = 0;
        var start = 0;
        for (var i = 0; i < inner.Length; i++)
        {
            var c = inner[i];
            if (c is '\'' or '"')
            {
                var end = QuotedEnd(inner[i..]);
                if (end < 0)
                {
                    throw new FormatException($"line {number}: unterminated quoted scalar");
                }

                i += end;
            }
            else if (c is '[' or '{')
            {
                depth++;
            }
            else if (c is ']' or '}')
            {
                depth--;
            }
            else if (c == ',' && depth == 0)
            {
                items.Add(inner[start..i].Trim());
                start = i + 1;
            }
        }

        var last = inner[start..].Trim();
        if (last.Length > 0)
        {
            items.Add(last);
        }

        return items;
    }

    /// <summary>Index of the closing quote of a scalar starting at 0, or -1.</summary>
    private static int QuotedEnd(string text)
    {
        var quote = text[0];
        for (var i = 1; i < text.Length; i++)
        {
            if (text[i] == quote)
            {
                if (quote == '\'' && i + 1 < text.Length && text[i + 1] == '\'')
                {
                    i++;
                    continue;
                }

                return i;
            }

            if (quote == '"' && text[i] == '\\')
            {
                i++;
            }
        }

        return -1;
    }

    private static string Unquote(string text, int number)
    {
        var inner = text[1..^1];
        if (text[0] == '\'')
        {
            return inner.Replace("''", "'", StringComparison.Ordinal);
        }

        var sb = new StringBuilder();
        for (var i = 0; i < inner.Length; i++)
        {
            if (inner[i] != '\\')
            {
                sb.Append(inner[i]);
                continue;
            }

            if (++i >= inner.Length)
            {
                throw new FormatException($"line {number}: dangling escape");
            }

            sb.Append(inner[i] switch
            {
                'n' => "\n",
                't' => "\t",
                '"' => "\"",
                '\\' => "\\",
                '/' => "/",
                'u' when i + 4 < inner.Length => ((char)int.Parse(inner.AsSpan(i + 1, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture)).ToString(),
                _ => throw new FormatException($"line {number}: unsupported escape '\\{inner[i]}'"),
            });
            if (inner[i] == 'u')
            {
                i += 4;
            }
        }

        return sb.ToString();
    }

    /// <summary>Removes a comment: '#' at the start or after a space, outside quotes.</summary>
    private static string StripComment(string line)
    {
        char? quote = null;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quote is { } q)
            {
                if (c == q)
                {
                    quote = null;
                }
                else if (q == '"' && c == '\\')
                {
                    i++;
                }
            }
            else if (c is '\'' or '"' && (i == 0 || line[i - 1] is ' ' or '[' or '{' or ',' or ':' or '-'))
            {
                quote = c;
            }
            else if (c == '#' && (i == 0 || line[i - 1] == ' '))
            {
                return line[..i];
            }
        }

        return line;
    }
}
