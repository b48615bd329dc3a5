namespace Insights.Ingest;

using System.Net.Http.Headers;

/// <summary>
/// Which Content-Type an events body may declare: JSON (<c>application/json</c>, <c>text/json</c> or
/// <c>application/*+json</c>, the types ASP.NET Core reads as JSON) in UTF-8. Anything else, or nothing, is refused
/// rather than guessed at: a form post or a text upload is a client mistake worth telling it about.
/// </summary>
internal static class JsonMediaType
{
    public const string Expected = "application/json (UTF-8)";

    public static bool Accepts(string? contentType)
    {
        // The BCL's parser (not ASP.NET Core's), so the ingest library needs no web framework; same grammar.
        if (!MediaTypeHeaderValue.TryParse(contentType, out var media) || media.MediaType is not { } type)
        {
            return false;
        }

        var charset = media.CharSet?.Trim('"');
        if (!string.IsNullOrEmpty(charset) && !charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        return type.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || type.Equals("text/json", StringComparison.OrdinalIgnoreCase)
            || (type.StartsWith("application/", StringComparison.OrdinalIgnoreCase) && type.EndsWith("+json", StringComparison.OrdinalIgnoreCase));
    }
}
