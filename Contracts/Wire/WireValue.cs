namespace Insights.Wire;

using System.Buffers.Text;
using System.Text;
using System.Text.Json;

/// <summary>
/// One field's JSON value: an element of a parsed document, or a token found by the single pass over a batch body
/// (its place in the body, read only when a rule asks for it). Both answer exactly as <see cref="JsonElement"/> does.
/// </summary>
internal readonly struct WireValue
{
    private readonly JsonElement _element;
    private readonly ScannedObject? _scanned;
    private readonly ScannedToken _token;

    public WireValue(JsonElement element)
    {
        _element = element;
        _scanned = null;
        _token = default;
    }

    public WireValue(ScannedObject scanned, ScannedToken token)
    {
        _element = default;
        _scanned = scanned;
        _token = token;
    }

    public JsonValueKind Kind => _scanned is null ? _element.ValueKind : _token.Kind;

    /// <summary>The string's text; throws <see cref="InvalidOperationException"/> for an escape that is not text (a lone surrogate).</summary>
    public string GetString()
    {
        if (_scanned is null)
        {
            return _element.GetString()!;
        }

        var span = _scanned.Body.Span;
        if (!_token.Escaped)
        {
            // The event was checked to be UTF-8 before any field is read.
            return Encoding.UTF8.GetString(span.Slice(_token.Start, _token.Length));
        }

        // With its quotes, so the reader unescapes it exactly as JsonElement does (and throws as it does).
        var reader = new Utf8JsonReader(span.Slice(_token.Start - 1, _token.Length + 2));
        reader.Read();
        return reader.GetString()!;
    }

    public bool TryGetInt64(out long value)
    {
        if (_scanned is null)
        {
            return _element.TryGetInt64(out value);
        }

        var span = _scanned.Body.Span.Slice(_token.Start, _token.Length);
        return Utf8Parser.TryParse(span, out value, out var consumed) && consumed == span.Length;
    }

    public int GetArrayLength() => _scanned is null ? _element.GetArrayLength() : _token.ItemCount;

    public WireValue Item(int index) =>
        _scanned is null ? new WireValue(_element[index]) : new WireValue(_scanned, _scanned.Items[_token.FirstItem + index]);
}
