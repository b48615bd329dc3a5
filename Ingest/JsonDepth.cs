namespace Insights.Ingest;

using System.Text.Json;

/// <summary>Tells a body nested too deep from one that is malformed, after the parser refused it.</summary>
internal static class JsonDepth
{
    /// <summary>
    /// Whether <paramref name="json"/> opens more than <paramref name="maxDepth"/> arrays or objects inside each
    /// other before any syntax error. The parser's exception says neither in a stable way, so the body is scanned
    /// again, which costs nothing on the accepted path.
    /// </summary>
    public static bool Exceeds(ReadOnlySpan<byte> json, int maxDepth)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = maxDepth + 1 });
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType is JsonTokenType.StartArray or JsonTokenType.StartObject && reader.CurrentDepth + 1 > maxDepth)
                {
                    return true;
                }
            }
        }
        catch (JsonException)
        {
            // Malformed before it got too deep.
        }

        return false;
    }
}
