namespace Insights.Wire;

using System.Text;
using System.Text.Json;

/// <summary>Where one JSON token lies in the body: for a string its text between the quotes; for an array its items.</summary>
internal readonly record struct ScannedToken(JsonValueKind Kind, int Start, int Length, bool Escaped, int FirstItem = 0, int ItemCount = 0);

/// <summary>
/// The wire fields of one event object, found by a single forward pass of a <see cref="Utf8JsonReader"/> over the
/// batch body: where each known field's value lies (the last one when a name repeats, as
/// <see cref="JsonElement.TryGetProperty(string, out JsonElement)"/> finds it), nothing decoded until a rule asks.
/// Fields Insights does not read are skipped. Reused from one event to the next.
/// </summary>
internal sealed class ScannedObject : IWireObject
{
    private static readonly string[] Names =
    [
        WireFields.Type, WireFields.Id, WireFields.VideoId, WireFields.Username, WireFields.CreateTime, WireFields.RegionCode,
        WireFields.VideoDescription, WireFields.HashtagNames, WireFields.MusicId, WireFields.Duration, WireFields.Text,
        WireFields.LikeCount, WireFields.ReplyCount, WireFields.ParentCommentId, WireFields.Time, WireFields.ViewCount,
        WireFields.ShareCount,
    ];

    private static readonly byte[][] Utf8Names = [.. Names.Select(Encoding.UTF8.GetBytes)];
    private static readonly int HashtagsIndex = Array.IndexOf(Names, WireFields.HashtagNames);

    private readonly ScannedToken?[] _fields = new ScannedToken?[Names.Length];

    public ReadOnlyMemory<byte> Body { get; private set; }

    public List<ScannedToken> Items { get; } = [];

    /// <summary>
    /// Whether a field name was escaped (<c>"\u0074ype"</c>). Such names are compared unescaped, and one that cannot be
    /// unescaped fails some lookups but not others: the event is then read through <see cref="JsonElementObject"/>,
    /// which does exactly that. Producers do not escape plain names, so this costs nothing in practice.
    /// </summary>
    public bool HasEscapedName { get; private set; }

    /// <summary>Reads the object the reader stands on (its <c>{</c>) up to its <c>}</c>.</summary>
    public void Scan(ReadOnlyMemory<byte> body, ref Utf8JsonReader reader)
    {
        Body = body;
        Array.Clear(_fields);
        Items.Clear();
        HasEscapedName = false;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var field = -1;
            if (reader.ValueIsEscaped)
            {
                HasEscapedName = true;
            }
            else
            {
                field = IndexOf(reader.ValueSpan);
            }

            reader.Read();
            if (field < 0)
            {
                reader.Skip();
            }
            else
            {
                _fields[field] = Token(ref reader, readItems: field == HashtagsIndex);
            }
        }
    }

    public bool TryGet(string name, out WireValue value)
    {
        var index = Array.IndexOf(Names, name);
        if (index >= 0 && _fields[index] is { Kind: not JsonValueKind.Null } token)
        {
            value = new WireValue(this, token);
            return true;
        }

        value = default;
        return false;
    }

    private ScannedToken Token(ref Utf8JsonReader reader, bool readItems)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                return new ScannedToken(JsonValueKind.String, (int)reader.TokenStartIndex + 1, reader.ValueSpan.Length, reader.ValueIsEscaped);
            case JsonTokenType.Number:
                return new ScannedToken(JsonValueKind.Number, (int)reader.TokenStartIndex, reader.ValueSpan.Length, false);
            case JsonTokenType.StartArray when readItems:
                var first = Items.Count;
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    Items.Add(Token(ref reader, readItems: false));
                }

                return new ScannedToken(JsonValueKind.Array, 0, 0, false, first, Items.Count - first);
            case JsonTokenType.StartArray:
                reader.Skip();
                return new ScannedToken(JsonValueKind.Array, 0, 0, false);
            case JsonTokenType.StartObject:
                reader.Skip();
                return new ScannedToken(JsonValueKind.Object, 0, 0, false);
            case JsonTokenType.True:
                return new ScannedToken(JsonValueKind.True, 0, 0, false);
            case JsonTokenType.False:
                return new ScannedToken(JsonValueKind.False, 0, 0, false);
            default:
                return new ScannedToken(JsonValueKind.Null, 0, 0, false);
        }
    }

    private static int IndexOf(ReadOnlySpan<byte> name)
    {
        for (var i = 0; i < Utf8Names.Length; i++)
        {
            if (name.SequenceEqual(Utf8Names[i]))
            {
                return i;
            }
        }

        return -1;
    }
}
