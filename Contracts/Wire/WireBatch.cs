namespace Insights.Wire;

using System.Text.Json;

/// <summary>
/// A batch body read by <see cref="WireBatchParser"/>: either refused as a whole (<see cref="Malformed"/> with the
/// JSON reader's message, or a root that is not an array, or more events than allowed), or every event's outcome in
/// order with where its JSON text lies in the body (to keep it verbatim without writing it again).
/// </summary>
public sealed class WireBatch
{
    private WireBatch(string? malformed, JsonValueKind root, int count, IReadOnlyList<WireBatchItem> items)
    {
        Malformed = malformed;
        RootKind = root;
        Count = count;
        Items = items;
    }

    /// <summary>Why the body is not JSON (the message <see cref="JsonDocument.Parse(ReadOnlyMemory{byte}, JsonDocumentOptions)"/> would throw with), or null.</summary>
    public string? Malformed { get; }

    /// <summary>The kind of the body's root value (<see cref="JsonValueKind.Undefined"/> when malformed).</summary>
    public JsonValueKind RootKind { get; }

    /// <summary>Events in the batch (elements of the root array).</summary>
    public int Count { get; }

    /// <summary>Each event's outcome, in order; empty when the batch is refused as a whole (malformed, not an array, too long).</summary>
    public IReadOnlyList<WireBatchItem> Items { get; }

    public bool IsArray => Malformed is null && RootKind == JsonValueKind.Array;

    internal static WireBatch Invalid(string message) => new(message, JsonValueKind.Undefined, 0, []);

    internal static WireBatch NotArray(JsonValueKind root) => new(null, root, 0, []);

    internal static WireBatch Array(int count, IReadOnlyList<WireBatchItem> items) => new(null, JsonValueKind.Array, count, items);
}

/// <summary>One event of a batch: its outcome, and where its JSON text lies in the body (bytes <c>Start..Start+Length</c>).</summary>
public readonly record struct WireBatchItem(WireParseResult Result, int Start, int Length)
{
    public ReadOnlyMemory<byte> Json(ReadOnlyMemory<byte> body) => body.Slice(Start, Length);
}
