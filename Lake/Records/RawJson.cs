namespace Insights.Lake.Records;

using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;

/// <summary>
/// A JSON value kept as the text it arrived as, and written back verbatim; but for line breaks between tokens, which
/// become spaces: lake files are JSON Lines, and a pretty-printed event would otherwise split its record over several
/// lines and make the whole file unreadable. A JSON string cannot hold a raw line break, so no value changes.
/// </summary>
[JsonConverter(typeof(RawJsonConverter))]
public readonly record struct RawJson(string Text)
{
    /// <summary>The element's text; it must be valid UTF-8 (<see cref="CanKeep"/>).</summary>
    public static RawJson From(JsonElement element) => new(element.GetRawText().Replace('\r', ' ').Replace('\n', ' '));

    /// <summary>Whether the element is valid UTF-8 throughout, as JSON text must be; the parser itself checks only what it decodes.</summary>
    public static bool CanKeep(JsonElement element) => Utf8.IsValid(JsonMarshal.GetRawUtf8Value(element));
}

public sealed class RawJsonConverter : JsonConverter<RawJson>
{
    public override RawJson Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        using var doc = JsonDocument.ParseValue(ref reader);
        return new RawJson(doc.RootElement.GetRawText());
    }

    public override void Write(Utf8JsonWriter writer, RawJson value, JsonSerializerOptions options) =>
        writer.WriteRawValue(value.Text, skipInputValidation: true);
}
