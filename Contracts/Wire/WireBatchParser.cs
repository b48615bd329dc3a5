namespace Insights.Wire;

using System.Text.Json;
using System.Text.Unicode;

/// <summary>
/// Reads a whole ingest body (a JSON array of events) in one forward pass of a <see cref="Utf8JsonReader"/>: no
/// document is built, each event's known fields are located as the reader passes them and decoded only when the rules
/// of <see cref="WireEventParser"/> (the same code) read them. Outcomes and reasons are exactly those of
/// <see cref="JsonDocument.Parse(ReadOnlyMemory{byte}, JsonDocumentOptions)"/> followed by
/// <see cref="WireEventParser.Parse(JsonElement, DateTimeOffset)"/> on each element: the body is refused whole with the
/// reader's message when any of it is not JSON, and each event stands or falls on its own.
/// </summary>
/// <remarks>Not thread-safe: it reuses its scratch between events. Use one per thread or per call.</remarks>
public sealed class WireBatchParser(IngestLimits limits, TimeProvider clock)
{
    private readonly WireEventParser _rules = new(limits, clock);
    private readonly ScannedObject _scanned = new();

    /// <summary>
    /// Reads <paramref name="body"/>, nesting at most <paramref name="maxDepth"/> deep. Past <paramref name="maxEvents"/>
    /// events the rest is only checked to be JSON, and no item is returned (the caller refuses the batch as too long).
    /// </summary>
    public WireBatch Parse(ReadOnlyMemory<byte> body, DateTimeOffset ingestedAt, int maxDepth, int maxEvents)
    {
        var reader = new Utf8JsonReader(body.Span, new JsonReaderOptions { MaxDepth = maxDepth });
        try
        {
            reader.Read();
            if (reader.TokenType != JsonTokenType.StartArray)
            {
                var root = Kind(reader.TokenType);
                reader.Skip();
                EndOfBody(ref reader);
                return WireBatch.NotArray(root);
            }

            var items = new List<WireBatchItem>();
            var count = 0;
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                var start = (int)reader.TokenStartIndex;
                if (++count > maxEvents)
                {
                    reader.Skip();
                    continue;
                }

                var kind = Kind(reader.TokenType);
                if (kind == JsonValueKind.Object)
                {
                    _scanned.Scan(body, ref reader);
                }
                else
                {
                    reader.Skip();
                }

                var length = (int)reader.BytesConsumed - start;
                items.Add(new WireBatchItem(Read(body.Slice(start, length), kind, ingestedAt), start, length));
            }

            EndOfBody(ref reader);
            return WireBatch.Array(count, count > maxEvents ? [] : items);
        }
        catch (JsonException ex)
        {
            return WireBatch.Invalid(ex.Message);
        }
    }

    private WireParseResult Read(ReadOnlyMemory<byte> json, JsonValueKind kind, DateTimeOffset ingestedAt)
    {
        if (!Utf8.IsValid(json.Span))
        {
            return WireParseResult.Fail("the event is not valid UTF-8");
        }

        if (kind != JsonValueKind.Object)
        {
            return WireParseResult.Fail($"an event must be a JSON object, not {WireEventParser.Describe(kind)}");
        }

        if (_scanned.HasEscapedName)
        {
            using var document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 256 });
            return _rules.Parse(document.RootElement, ingestedAt);
        }

        return _rules.Parse(_scanned, ingestedAt);
    }

    /// <summary>Reads past the root value: anything but white space after it makes the reader throw, as the document parser does.</summary>
    private static void EndOfBody(ref Utf8JsonReader reader)
    {
        while (reader.Read())
        {
        }
    }

    private static JsonValueKind Kind(JsonTokenType token) => token switch
    {
        JsonTokenType.StartObject => JsonValueKind.Object,
        JsonTokenType.StartArray => JsonValueKind.Array,
        JsonTokenType.String => JsonValueKind.String,
        JsonTokenType.Number => JsonValueKind.Number,
        JsonTokenType.True => JsonValueKind.True,
        JsonTokenType.False => JsonValueKind.False,
        _ => JsonValueKind.Null,
    };
}
