namespace Insights.Streaming.EventHubs;

using System.Text;
using System.Text.Json;
using System.Text.Unicode;
using Insights.Events;
using Insights.Lake.Records;
using Insights.Wire;

/// <summary>What one Kafka message holds: an event with its verbatim JSON, or the reason it is poison.</summary>
internal readonly record struct DecodedMessage(VideoStreamEvent? Event, string? Type, string? Id, RawJson? Payload, string? PayloadText, string? Error)
{
    public bool IsPoison => Event is null;
}

/// <summary>
/// Reads a message exactly as <c>POST /api/events</c> reads one item of its body, and checks the key: a message keyed
/// by another video sits in the wrong partition, so its order relative to that video's events is unknown. A message
/// without a key is taken (ordering is then the producer's business).
/// </summary>
internal sealed class EventHubsMessageDecoder(WireEventParser parser)
{
    private const int MaxPayloadTextChars = 64 * 1024;

    public DecodedMessage Decode(PartitionMessage message, DateTimeOffset receivedAt)
    {
        if (message.Value is not { Length: > 0 } value)
        {
            return Poison("The message has no value; expected one event as JSON.");
        }

        // Checked before parsing: the parser finds bad UTF-8 only in strings it decodes, and throws there (as does
        // keeping the payload), which would fail the whole read instead of setting this one message aside.
        if (!Utf8.IsValid(value))
        {
            return Poison("The message is not valid UTF-8.", text: Encoding.UTF8.GetString(value, 0, Math.Min(value.Length, MaxPayloadTextChars)));
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(value, new JsonDocumentOptions { MaxDepth = 16 });
        }
        catch (JsonException ex)
        {
            var text = Encoding.UTF8.GetString(value, 0, Math.Min(value.Length, MaxPayloadTextChars));
            return Poison($"The message is not valid JSON: {ex.Message}", text: text);
        }

        using (document)
        {
            var root = document.RootElement;
            var payload = RawJson.From(root);
            var parsed = parser.Parse(root, receivedAt);
            if (parsed.Event is not { } e)
            {
                return Poison(parsed.Error!, parsed.Type, parsed.Id, payload);
            }

            if (message.Key is { } keyBytes)
            {
                var key = Encoding.UTF8.GetString(keyBytes);
                if (!string.Equals(key, e.VideoId, StringComparison.Ordinal))
                {
                    return Poison($"key: '{Truncate(key)}' is not the event's video id '{e.VideoId}'", parsed.Type, parsed.Id, payload);
                }
            }

            return new DecodedMessage(e, parsed.Type, parsed.Id, payload, null, null);
        }
    }

    private static string Truncate(string s) => s.Length <= 70 ? s : s[..70] + "...";

    private static DecodedMessage Poison(string error, string? type = null, string? id = null, RawJson? payload = null, string? text = null) =>
        new(null, type, id, payload, text, error);
}
