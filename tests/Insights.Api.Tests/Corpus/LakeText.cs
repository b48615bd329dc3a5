namespace Insights.Api.Tests.Corpus;

using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;

/// <summary>How the lake keeps an event's or a body's text.</summary>
internal static class LakeText
{
    private const int MaxQuarantinedChars = 64 * 1024;

    /// <summary>
    /// Lake files are JSON Lines, so an event keeps its text except that line breaks between tokens (pretty-printed
    /// bodies) become spaces; a JSON string cannot hold a raw line break, so no value changes.
    /// </summary>
    public static string AsKept(string json) => json.Replace('\r', ' ').Replace('\n', ' ');

    /// <summary>A refused event as quarantine keeps it: its JSON, or, when it is not UTF-8, its text (bad bytes as U+FFFD).</summary>
    public static string? AsQuarantined(JsonElement element)
    {
        var bytes = JsonMarshal.GetRawUtf8Value(element);
        return !Utf8.IsValid(bytes) ? Text(bytes)
            : element.ValueKind == JsonValueKind.Null ? null
            : AsKept(element.GetRawText());
    }

    /// <summary>A refused body as quarantine keeps it: its first 64 KiB as text.</summary>
    public static string Text(ReadOnlySpan<byte> bytes) => Encoding.UTF8.GetString(bytes[..Math.Min(bytes.Length, MaxQuarantinedChars)]);
}
