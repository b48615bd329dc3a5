namespace Insights.Lake.Records;

using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;

/// <summary>
/// A JSON value kept as the text it arrived as, and written back verbatim; but for line breaks between tokens, which
/// become spaces: lake files are JSON Lines, and a pretty-printed event would otherwise split its record over several
/// lines and make the whole file unreadable. A JSON string cannot hold a raw line break, so no value changes.
/// Held as text, or as the UTF-8 bytes it arrived as (<see cref="FromUtf8"/>), which are written as they are.
/// </summary>
[JsonConverter(typeof(RawJsonConverter))]
public readonly struct RawJson : IEquatable<RawJson>
{
    private readonly string? _text;
    private readonly ReadOnlyMemory<byte> _utf8;

    public RawJson(string text) => _text = text;

    private RawJson(ReadOnlyMemory<byte> utf8) => _utf8 = utf8;

    public string Text => _text ?? Encoding.UTF8.GetString(_utf8.Span);

    /// <summary>The element's text; it must be valid UTF-8 (<see cref="CanKeep"/>).</summary>
    public static RawJson From(JsonElement element) => new(element.GetRawText().Replace('\r', ' ').Replace('\n', ' '));

    /// <summary>
    /// A JSON value's UTF-8 bytes as received (a slice of a request body), valid UTF-8; kept as they are, line breaks
    /// made spaces in a copy only when there are any (in UTF-8 those bytes are never part of another character).
    /// </summary>
    public static RawJson FromUtf8(ReadOnlyMemory<byte> utf8)
    {
        var span = utf8.Span;
        if (span.IndexOfAny((byte)'\r', (byte)'\n') < 0)
        {
            return new RawJson(utf8);
        }

        var copy = span.ToArray();
        copy.AsSpan().Replace((byte)'\r', (byte)' ');
        copy.AsSpan().Replace((byte)'\n', (byte)' ');
        return new RawJson(copy);
    }

    /// <summary>Whether the element is valid UTF-8 throughout, as JSON text must be; the parser itself checks only what it decodes.</summary>
    public static bool CanKeep(JsonElement element) => Utf8.IsValid(JsonMarshal.GetRawUtf8Value(element));

    internal void WriteTo(Utf8JsonWriter writer)
    {
        if (_text is null)
        {
            writer.WriteRawValue(_utf8.Span, skipInputValidation: true);
        }
        else
        {
            writer.WriteRawValue(_text, skipInputValidation: true);
        }
    }

    public bool Equals(RawJson other) => string.Equals(Text, other.Text, StringComparison.Ordinal);

    public override bool Equals(object? obj) => obj is RawJson other && Equals(other);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Text);

    public override string ToString() => Text;

    public static bool operator ==(RawJson left, RawJson right) => left.Equals(right);

    public static bool operator !=(RawJson left, RawJson right) => !left.Equals(right);
}

public sealed class RawJsonConverter : JsonConverter<RawJson>
{
    public override RawJson Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        using var doc = JsonDocument.ParseValue(ref reader);
        return new RawJson(doc.RootElement.GetRawText());
    }

    public override void Write(Utf8JsonWriter writer, RawJson value, JsonSerializerOptions options) => value.WriteTo(writer);
}
