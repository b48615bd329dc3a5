namespace Insights.Api.Tests.Corpus;

using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;

/// <summary>
/// Expands an item's body into the bytes sent. Placeholders keep the data readable and take the limits from the
/// running configuration instead of copying numbers into the data (the list is in <c>Corpus/README.md</c>).
/// Ids are fresh per item and per run, so items never share a video and a rerun never meets old state.
/// </summary>
internal sealed partial class CorpusTemplate(CorpusItem item, IReadOnlyDictionary<string, long> numbers, string runTag)
{
    private const long NumericIdBase = 7_300_000_000_000_000_000;
    private readonly Dictionary<string, string> _ids = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _numericIds = new(StringComparer.Ordinal);

    /// <summary>Ids of videos this item made up (labels starting with "video"), by label.</summary>
    public IEnumerable<string> VideoIds =>
        _ids.Where(p => p.Key.StartsWith("video", StringComparison.Ordinal)).Select(p => p.Value)
            .Concat(_numericIds.Where(p => p.Key.StartsWith("video", StringComparison.Ordinal)).Select(p => p.Value.ToString(CultureInfo.InvariantCulture)))
            .Distinct();

    public byte[] Body() =>
        item.Json is { } json ? ExpandJson(json) : ExpandText(item.Text!, allowBytes: true);

    /// <summary>A text with placeholders, as a string (GET paths, totals keys).</summary>
    public string Inline(string text) => Encoding.UTF8.GetString(ExpandText(text, allowBytes: false));

    private byte[] ExpandJson(JsonElement element)
    {
        var output = new MemoryStream();
        // Relaxed escaping: quotes, '<' and non-ASCII text go out as themselves, as a real producer sends them.
        using (var writer = new Utf8JsonWriter(output, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true }))
        {
            Write(writer, element);
        }

        return output.ToArray();
    }

    private void Write(Utf8JsonWriter writer, JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                writer.WriteStartObject();
                foreach (var property in element.EnumerateObject())
                {
                    writer.WritePropertyName(property.Name);
                    Write(writer, property.Value);
                }

                writer.WriteEndObject();
                break;
            case JsonValueKind.Array:
                writer.WriteStartArray();
                foreach (var value in element.EnumerateArray())
                {
                    Write(writer, value);
                }

                writer.WriteEndArray();
                break;
            case JsonValueKind.String:
                var s = element.GetString()!;
                if (WholePlaceholder().Match(s) is { Success: true } m && IsNumber(m.Groups[1].Value))
                {
                    writer.WriteRawValue(Scalar(m.Groups[1].Value), skipInputValidation: true);
                }
                else
                {
                    writer.WriteStringValue(Inline(s));
                }

                break;
            default:
                // Numbers verbatim: 1e400 or 18446744073709551616 must reach the API as written.
                writer.WriteRawValue(element.GetRawText(), skipInputValidation: true);
                break;
        }
    }

    private byte[] ExpandText(string text, bool allowBytes)
    {
        var output = new List<byte>(text.Length);
        (int At, long Size)? pad = null;
        var last = 0;
        foreach (Match m in Placeholder().Matches(text))
        {
            output.AddRange(Encoding.UTF8.GetBytes(text[last..m.Index]));
            last = m.Index + m.Length;
            var (name, args) = Split(m.Groups[1].Value);
            switch (name)
            {
                case "bytes" when allowBytes:
                    output.AddRange(Convert.FromHexString(args.Replace(" ", "", StringComparison.Ordinal)));
                    break;
                case "padTo" when allowBytes:
                    pad = pad is null ? (output.Count, Number(args)) : throw Bad("more than one padTo");
                    break;
                case "repeat":
                    var (count, unit) = Split(args);
                    var piece = FragmentOrLiteral(unit);
                    for (long i = Number(count); i > 0; i--)
                    {
                        output.AddRange(piece);
                    }

                    break;
                case "each":
                    var (times, fragment) = Split(args);
                    var bytes = Fragment(fragment) ?? throw Bad($"no fragment '{fragment}'");
                    for (long i = 0, n = Number(times); i < n; i++)
                    {
                        if (i > 0)
                        {
                            output.Add((byte)',');
                        }

                        output.AddRange(bytes);
                    }

                    break;
                default:
                    output.AddRange(Encoding.UTF8.GetBytes(Scalar(m.Groups[1].Value)));
                    break;
            }
        }

        output.AddRange(Encoding.UTF8.GetBytes(text[last..]));
        if (pad is { } p)
        {
            var spaces = p.Size - output.Count;
            if (spaces < 0)
            {
                throw Bad($"the body is already {output.Count} bytes, more than padTo {p.Size}");
            }

            var padding = new byte[spaces];
            Array.Fill(padding, (byte)' ');
            output.InsertRange(p.At, padding);
        }

        return [.. output];
    }

    /// <summary>A placeholder that stands for text: an id, a number, or a literal "{{".</summary>
    private string Scalar(string placeholder)
    {
        var (name, args) = Split(placeholder);
        return name switch
        {
            "open" => "{{",
            "video" => Id(args.Length == 0 ? "video" : "video" + args),
            "id" => Id(args),
            "numid" or "numidtext" => NumericId(args).ToString(CultureInfo.InvariantCulture),
            _ => Number(placeholder).ToString(CultureInfo.InvariantCulture),
        };
    }

    /// <summary>Whether a placeholder stands for a JSON number (so a string that is only this becomes a number).</summary>
    private bool IsNumber(string placeholder)
    {
        if (placeholder.StartsWith("numid:", StringComparison.Ordinal))
        {
            return true;
        }

        var m = Expression().Match(placeholder);
        return m.Success && (long.TryParse(m.Groups["name"].Value, CultureInfo.InvariantCulture, out _) || numbers.ContainsKey(m.Groups["name"].Value));
    }

    private string Id(string label)
    {
        if (!Label().IsMatch(label))
        {
            throw Bad($"id label '{label}' must be letters, digits or '_'");
        }

        if (!_ids.TryGetValue(label, out var id))
        {
            _ids[label] = id = $"{label}-{item.Number:D3}-{runTag}";
        }

        return id;
    }

    private long NumericId(string label)
    {
        var key = label.Length == 0 ? throw Bad("numid needs a label") : label;
        if (!_numericIds.TryGetValue(key, out var id))
        {
            // Unique per run and item: the run tag's hash keeps reruns apart, the item number and label count keep items apart.
            var run = (long)(uint)StringComparer.Ordinal.GetHashCode(runTag) % 1_000_000;
            _numericIds[key] = id = NumericIdBase + run * 1_000_000 + item.Number * 100 + _numericIds.Count;
        }

        return id;
    }

    /// <summary><c>now</c>, a limit, <c>MinEventTime</c> or an integer, optionally followed by <c>+N</c> or <c>-N</c>.</summary>
    private long Number(string expression)
    {
        var m = Expression().Match(expression);
        if (!m.Success)
        {
            throw Bad($"'{expression}' is not a number expression");
        }

        var name = m.Groups["name"].Value;
        var value = long.TryParse(name, CultureInfo.InvariantCulture, out var literal) ? literal
            : numbers.TryGetValue(name, out var known) ? known
            : throw Bad($"unknown name '{name}' (known: {string.Join(", ", numbers.Keys)})");
        return m.Groups["offset"].Success ? value + long.Parse(m.Groups["offset"].Value, CultureInfo.InvariantCulture) : value;
    }

    private byte[] FragmentOrLiteral(string unit) => Fragment(unit) ?? Encoding.UTF8.GetBytes(unit);

    private byte[]? Fragment(string name) =>
        !item.Fragments.TryGetValue(name, out var fragment) ? null
        : fragment.ValueKind == JsonValueKind.String ? ExpandText(fragment.GetString()!, allowBytes: true)
        : ExpandJson(fragment);

    private static (string Name, string Args) Split(string s)
    {
        var colon = s.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? (s, "") : (s[..colon], s[(colon + 1)..]);
    }

    private InvalidDataException Bad(string message) => new($"corpus item '{item.Label}': {message}");

    [GeneratedRegex(@"\{\{(.+?)\}\}", RegexOptions.Singleline)]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"^\{\{([^{}]+)\}\}$")]
    private static partial Regex WholePlaceholder();

    [GeneratedRegex(@"^(?<name>[A-Za-z]+|-?\d+)(?<offset>[+-]\d+)?$")]
    private static partial Regex Expression();

    [GeneratedRegex("^[A-Za-z0-9_]+$")]
    private static partial Regex Label();
}
