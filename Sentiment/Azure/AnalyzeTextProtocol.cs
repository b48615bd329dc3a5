namespace Insights.Sentiment.Azure;

using System.Buffers;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;

/// <summary>
/// The JSON of <c>POST {endpoint}/language/:analyze-text</c> for <c>SentimentAnalysis</c>. Documents are
/// numbered by their position in the request (<c>"0"</c>, <c>"1"</c>, ...).
/// </summary>
internal static class AnalyzeTextProtocol
{
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        // Accented and other non-ASCII letters go as UTF-8, not \u escapes (smaller bodies). The encoder still escapes
        // characters outside the BMP (emoji) as surrogate pairs; both forms are valid JSON for the service.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The request body; each document with its own <c>language</c> (ISO 639-1, the service's hint).</summary>
    public static BinaryData WriteRequest(IReadOnlyList<string> documents, IReadOnlyList<string> languages, string modelVersion)
    {
        var buffer = new ArrayBufferWriter<byte>(256 + documents.Sum(d => d.Length) * 2);
        using (var json = new Utf8JsonWriter(buffer, WriterOptions))
        {
            json.WriteStartObject();
            json.WriteString("kind", "SentimentAnalysis");
            json.WriteStartObject("parameters");
            json.WriteString("modelVersion", modelVersion);
            json.WriteEndObject();
            json.WriteStartObject("analysisInput");
            json.WriteStartArray("documents");
            for (var i = 0; i < documents.Count; i++)
            {
                json.WriteStartObject();
                json.WriteString("id", i.ToString(CultureInfo.InvariantCulture));
                json.WriteString("language", languages[i]);
                json.WriteString("text", documents[i]);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndObject();
        }

        return new BinaryData(buffer.WrittenMemory);
    }

    /// <summary>One document's outcome: a result, or the error the service (or this parser) gave it.</summary>
    public readonly record struct Outcome(SentimentResult? Result, string? ErrorCode, string? ErrorMessage);

    /// <summary>
    /// Reads a 200 answer. Every document gets an outcome; one the answer does not mention is an error
    /// (<c>Missing</c>). A body that is not the documented shape throws <see cref="InvalidDataException"/>.
    /// </summary>
    public static Outcome[] ReadResponse(BinaryData body, int documentCount, string analyzer)
    {
        var outcomes = new Outcome[documentCount];
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body.ToMemory());
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException("The analyze-text answer is not JSON.", ex);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new InvalidDataException("The analyze-text answer is not a JSON object.");
            }

            if (root.TryGetProperty("kind", out var kind) && kind.ValueKind == JsonValueKind.String && kind.GetString() != "SentimentAnalysisResults")
            {
                throw new InvalidDataException($"The analyze-text answer is of kind '{kind.GetString()}', expected SentimentAnalysisResults.");
            }

            if (!root.TryGetProperty("results", out var results) || results.ValueKind != JsonValueKind.Object)
            {
                throw new InvalidDataException("The analyze-text answer has no results object.");
            }

            if (results.TryGetProperty("documents", out var documents) && documents.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in documents.EnumerateArray())
                {
                    if (!TryIndex(item, documentCount, out var index))
                    {
                        continue;
                    }

                    outcomes[index] = ReadDocument(item, analyzer);
                }
            }

            if (results.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in errors.EnumerateArray())
                {
                    if (!TryIndex(item, documentCount, out var index))
                    {
                        continue;
                    }

                    string? code = null, message = null;
                    if (item.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object)
                    {
                        code = String(error, "code");
                        message = String(error, "message");
                        // The detailed reason, when present, is in innererror.
                        if (error.TryGetProperty("innererror", out var inner) && inner.ValueKind == JsonValueKind.Object)
                        {
                            code = String(inner, "code") ?? code;
                            message = String(inner, "message") ?? message;
                        }
                    }

                    outcomes[index] = new Outcome(null, code ?? "Unknown", message);
                }
            }
        }

        for (var i = 0; i < outcomes.Length; i++)
        {
            if (outcomes[i].Result is null && outcomes[i].ErrorCode is null)
            {
                outcomes[i] = new Outcome(null, "Missing", "The answer did not mention this document.");
            }
        }

        return outcomes;
    }

    private static Outcome ReadDocument(JsonElement item, string analyzer)
    {
        var sentiment = String(item, "sentiment");
        if (item.TryGetProperty("confidenceScores", out var scores) && scores.ValueKind == JsonValueKind.Object
            && Number(scores, "positive") is { } positive
            && Number(scores, "neutral") is { } neutral
            && Number(scores, "negative") is { } negative
            && SentimentMapping.TryMap(sentiment, positive, neutral, negative, analyzer, out var result))
        {
            return new Outcome(result, null, null);
        }

        return new Outcome(null, "UnreadableDocument", $"Sentiment '{sentiment}' or its confidence scores could not be read.");
    }

    private static bool TryIndex(JsonElement item, int count, out int index)
    {
        index = -1;
        return item.ValueKind == JsonValueKind.Object
            && String(item, "id") is { } id
            && int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out index)
            && index < count;
    }

    private static string? String(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static double? Number(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetDouble() : null;
}
