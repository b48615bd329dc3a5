namespace Insights.Generator;

using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Insights.Wire;

/// <summary>
/// Serialization of wire events: the repo's <see cref="WireJsonContext"/> (nulls omitted) with a relaxed encoder,
/// so apostrophes and other non-ASCII text stay readable (System.Text.Json still escapes emoji as surrogate pairs).
/// </summary>
public static class WireJson
{
    private static readonly WireJsonContext Context = new(new JsonSerializerOptions
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    public static JsonTypeInfo<WireEvent> EventInfo => Context.WireEvent;

    public static JsonTypeInfo<List<WireEvent>> ListInfo => Context.ListWireEvent;

    public static string Serialize(WireEvent e) => JsonSerializer.Serialize(e, EventInfo);

    public static byte[] SerializeBatch(List<WireEvent> events) => JsonSerializer.SerializeToUtf8Bytes(events, ListInfo);
}
