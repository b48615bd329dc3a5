namespace Insights.Api.Ingest;

using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

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
        if (!MediaTypeHeaderValue.TryParse(contentType, out var media))
        {
            return false;
        }

        var charset = HeaderUtilities.RemoveQuotes(media.Charset);
        if (!StringSegment.IsNullOrEmpty(charset) && !charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        return media.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || media.MediaType.Equals("text/json", StringComparison.OrdinalIgnoreCase)
            || (media.Type.Equals("application", StringComparison.OrdinalIgnoreCase) && media.Suffix.Equals("json", StringComparison.OrdinalIgnoreCase));
    }
}
