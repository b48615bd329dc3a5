namespace Insights.Grains.Domain;

using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using Insights.Sentiment;
using Insights.Stats;

/// <summary>
/// The newest comments by creation time, newest first, packed: a 24-byte <see cref="RecentCommentSlot"/> each, and
/// their ids, usernames and texts as UTF-8 one after the other in one byte array (a decimal id, as TikTok's are, as
/// 8 bytes), so a comment costs its text's bytes and about 35 more, not three strings and a record.
/// <see cref="RecentComment"/>s are built when asked. The byte array is reallocated (an eighth larger than needed)
/// only when the comments no longer fit or leave more than a quarter of it unused; otherwise a new comment moves the
/// bytes after it in place.
/// </summary>
[GenerateSerializer]
public sealed class RecentCommentList
{
    // The layout before packing (Id 0; Id 1 was the capacity): folded in by Configure.
    [Id(0)] private List<RecentComment>? _legacyItems;

    // The layout before the shared byte array (an array per comment): folded in by Configure.
    [Id(2)] private RecentCommentEntry[]? _legacyEntries;

    /// <summary>Comments kept: in <see cref="_slots"/>, or in <see cref="_legacyEntries"/> in state from that layout.</summary>
    [Id(3)] private int _count;
    [Id(4)] private string[] _analyzers = [];
    [Id(5)] private string[] _languages = [];
    [Id(6)] private RecentCommentSlot[]? _slots;
    [Id(7)] private byte[]? _bytes;

    public RecentCommentList(int capacity) => Configure(capacity);

    [NonSerialized] private int _capacity;

    /// <summary>From configuration, not persisted.</summary>
    public int Capacity => _capacity;

    public IReadOnlyList<RecentComment> Items
    {
        get
        {
            var items = new RecentComment[_count];
            var offset = 0;
            for (var i = 0; i < _count; i++)
            {
                items[i] = Unpack(_slots![i], _bytes.AsSpan(offset, _slots[i].Bytes));
                offset += _slots[i].Bytes;
            }

            return items;
        }
    }

    public void Configure(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _capacity = capacity;
        // State read back from the old layouts was built without running initializers.
        (_analyzers, _languages) = (_analyzers ?? [], _languages ?? []);
        if (_legacyItems is { } legacy)
        {
            _legacyItems = null;
            _count = 0;
            foreach (var comment in legacy)
            {
                Offer(comment);
            }
        }

        if (_legacyEntries is { } entries)
        {
            var count = Math.Min(_count, entries.Length);
            _legacyEntries = null;
            _count = 0;
            for (var i = 0; i < count; i++)
            {
                Offer(Unpack(entries[i]));
            }
        }

        if (_count > capacity)
        {
            // Fewer comments configured than kept: drop the oldest.
            var kept = Items.Take(capacity).ToList();
            (_count, _slots, _bytes) = (0, null, null);
            kept.ForEach(Offer);
        }
    }

    public void Offer(RecentComment comment)
    {
        var ticks = comment.CreateTime.UtcTicks;
        if (_count == Capacity && ticks <= _slots![_count - 1].CreateTicks)
        {
            return;
        }

        var at = 0;
        var offset = 0;
        while (at < _count && _slots![at].CreateTicks >= ticks)
        {
            offset += _slots[at++].Bytes;
        }

        var live = offset;
        for (var i = at; i < _count; i++)
        {
            live += _slots![i].Bytes;
        }

        if (_count == Capacity)
        {
            // The oldest leaves: its bytes are the last ones.
            live -= _slots![--_count].Bytes;
        }

        var numericId = IsNumeric(comment.CommentId, out var idNumber);
        var idBytes = numericId ? sizeof(ulong) : Encoding.UTF8.GetByteCount(comment.CommentId);
        var usernameBytes = Encoding.UTF8.GetByteCount(comment.Username);
        var size = idBytes + usernameBytes + Encoding.UTF8.GetByteCount(comment.Text);
        MakeRoom(offset, live, size);
        var bytes = _bytes.AsSpan(offset, size);
        if (numericId)
        {
            BinaryPrimitives.WriteUInt64LittleEndian(bytes, idNumber);
        }
        else
        {
            Encoding.UTF8.GetBytes(comment.CommentId, bytes);
        }

        Encoding.UTF8.GetBytes(comment.Username, bytes[idBytes..]);
        Encoding.UTF8.GetBytes(comment.Text, bytes[(idBytes + usernameBytes)..]);

        if (_slots is null || _count == _slots.Length)
        {
            Array.Resize(ref _slots, Math.Min(Capacity, Math.Max(4, _count * 2)));
        }

        Array.Copy(_slots, at, _slots, at + 1, _count - at);
        _count++;
        _slots[at] = new RecentCommentSlot
        {
            CreateTicks = ticks,
            ScoreTenThousandths = (int)Math.Round(comment.Score * 10_000),
            Bytes = size,
            IdBytes = numericId ? RecentCommentSlot.NumericId : (short)idBytes,
            UsernameBytes = (short)usernameBytes,
            Label = (sbyte)comment.Label,
            Analyzer = AnalyzerIndex(comment.Analyzer),
            Language = LanguageNumber(comment.Language),
        };
    }

    /// <summary>
    /// Opens <paramref name="size"/> bytes at <paramref name="offset"/> among the <paramref name="live"/> bytes kept,
    /// moving the ones after it; reallocates (an eighth more than needed) only when they do not fit or would leave
    /// more than a quarter of the array unused.
    /// </summary>
    private void MakeRoom(int offset, int live, int size)
    {
        var needed = live + size;
        var current = _bytes ?? [];
        if (current.Length >= needed && current.Length - needed <= (needed / 4) + 16)
        {
            Array.Copy(current, offset, current, offset + size, live - offset);
            return;
        }

        var resized = new byte[needed + (needed / 8)];
        Array.Copy(current, 0, resized, 0, offset);
        Array.Copy(current, offset, resized, offset + size, live - offset);
        _bytes = resized;
    }

    /// <summary>A decimal number as <see cref="ulong"/> writes it back (no sign, no leading zero): kept in 8 bytes.</summary>
    private static bool IsNumeric(string id, out ulong number)
    {
        number = 0;
        if (id.Length is 0 or > 19 || (id[0] == '0' && id.Length > 1))
        {
            return false;
        }

        foreach (var c in id)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }
        }

        return ulong.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out number);
    }

    private RecentComment Unpack(in RecentCommentSlot slot, ReadOnlySpan<byte> bytes)
    {
        var idBytes = slot.IdBytes == RecentCommentSlot.NumericId ? sizeof(ulong) : slot.IdBytes;
        return new RecentComment
        {
            CommentId = slot.IdBytes == RecentCommentSlot.NumericId
                ? BinaryPrimitives.ReadUInt64LittleEndian(bytes).ToString(CultureInfo.InvariantCulture)
                : Encoding.UTF8.GetString(bytes[..idBytes]),
            Username = Encoding.UTF8.GetString(bytes.Slice(idBytes, slot.UsernameBytes)),
            Text = Encoding.UTF8.GetString(bytes[(idBytes + slot.UsernameBytes)..]),
            CreateTime = new DateTimeOffset(slot.CreateTicks, TimeSpan.Zero),
            Label = (SentimentLabel)slot.Label,
            Score = slot.ScoreTenThousandths / 10_000.0,
            Analyzer = AnalyzerName(slot.Analyzer),
            Language = LanguageCode(slot.Language),
        };
    }

    private RecentComment Unpack(in RecentCommentEntry entry)
    {
        var bytes = entry.Utf8.AsSpan();
        return new RecentComment
        {
            CommentId = Encoding.UTF8.GetString(bytes[..entry.IdBytes]),
            Username = Encoding.UTF8.GetString(bytes.Slice(entry.IdBytes, entry.UsernameBytes)),
            Text = Encoding.UTF8.GetString(bytes[(entry.IdBytes + entry.UsernameBytes)..]),
            CreateTime = new DateTimeOffset(entry.CreateTicks, TimeSpan.Zero),
            Label = entry.Label,
            Score = entry.ScoreTenThousandths / 10_000.0,
            Analyzer = AnalyzerName(entry.Analyzer),
            Language = LanguageCode(entry.Language),
        };
    }

    private string AnalyzerName(byte index) => index < _analyzers.Length ? _analyzers[index] : "";

    private string LanguageCode(byte number) =>
        number > 0 && number <= _languages.Length ? _languages[number - 1] : SentimentResult.Undetermined;

    /// <summary>One more than the code's index in <c>_languages</c>; 0 (undetermined) once 255 codes are in use, which a model of a few languages never reaches.</summary>
    private byte LanguageNumber(string language)
    {
        var at = Array.IndexOf(_languages, language);
        if (at >= 0)
        {
            return (byte)(at + 1);
        }

        if (_languages.Length == byte.MaxValue)
        {
            return 0;
        }

        Array.Resize(ref _languages, _languages.Length + 1);
        _languages[^1] = language;
        return (byte)_languages.Length;
    }

    private byte AnalyzerIndex(string analyzer)
    {
        var at = Array.IndexOf(_analyzers, analyzer);
        if (at >= 0)
        {
            return (byte)at;
        }

        if (_analyzers.Length == byte.MaxValue)
        {
            // Analyzer names are a handful (local, Azure, fallback, unscored); past 255, forget the older ones.
            var kept = new HashSet<byte>((_slots ?? []).Take(_count).Select(e => e.Analyzer));
            for (var i = 0; i < _analyzers.Length; i++)
            {
                if (!kept.Contains((byte)i))
                {
                    _analyzers[i] = analyzer;
                    return (byte)i;
                }
            }

            return 0;
        }

        Array.Resize(ref _analyzers, _analyzers.Length + 1);
        _analyzers[^1] = analyzer;
        return (byte)(_analyzers.Length - 1);
    }
}
