namespace Insights.Grains.Domain;

using System.Text;
using Insights.Sentiment;
using Insights.Stats;

/// <summary>
/// The newest comments by creation time, newest first, packed (<see cref="RecentCommentEntry"/>): a comment costs its
/// UTF-8 bytes and a few numbers, not three strings and a record. <see cref="RecentComment"/>s are built when asked.
/// </summary>
[GenerateSerializer]
public sealed class RecentCommentList
{
    // The layout before packing (Id 0; Id 1 was the capacity): folded in by Configure.
    [Id(0)] private List<RecentComment>? _legacyItems;

    [Id(2)] private RecentCommentEntry[] _entries = [];
    [Id(3)] private int _count;
    [Id(4)] private string[] _analyzers = [];
    [Id(5)] private string[] _languages = [];

    public RecentCommentList(int capacity) => Configure(capacity);

    [NonSerialized] private int _capacity;

    /// <summary>From configuration, not persisted.</summary>
    public int Capacity => _capacity;

    public IReadOnlyList<RecentComment> Items
    {
        get
        {
            var items = new RecentComment[_count];
            for (var i = 0; i < _count; i++)
            {
                items[i] = Unpack(_entries[i]);
            }

            return items;
        }
    }

    public void Configure(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _capacity = capacity;
        // State read back from the old layout was built without running initializers.
        (_entries, _analyzers, _languages) = (_entries ?? [], _analyzers ?? [], _languages ?? []);
        if (_legacyItems is { } legacy)
        {
            _legacyItems = null;
            foreach (var comment in legacy)
            {
                Offer(comment);
            }
        }

        _count = Math.Min(_count, capacity);
    }

    public void Offer(RecentComment comment)
    {
        var ticks = comment.CreateTime.UtcTicks;
        if (_count == Capacity && ticks <= _entries[_count - 1].CreateTicks)
        {
            return;
        }

        var at = 0;
        while (at < _count && _entries[at].CreateTicks >= ticks)
        {
            at++;
        }

        if (_count < Capacity)
        {
            if (_count == _entries.Length)
            {
                Array.Resize(ref _entries, Math.Min(Capacity, Math.Max(4, _count * 2)));
            }

            _count++;
        }

        Array.Copy(_entries, at, _entries, at + 1, _count - at - 1);
        _entries[at] = Pack(comment);
    }

    private RecentCommentEntry Pack(RecentComment comment)
    {
        var id = Encoding.UTF8.GetByteCount(comment.CommentId);
        var username = Encoding.UTF8.GetByteCount(comment.Username);
        var bytes = new byte[id + username + Encoding.UTF8.GetByteCount(comment.Text)];
        Encoding.UTF8.GetBytes(comment.CommentId, bytes);
        Encoding.UTF8.GetBytes(comment.Username, bytes.AsSpan(id));
        Encoding.UTF8.GetBytes(comment.Text, bytes.AsSpan(id + username));
        return new RecentCommentEntry
        {
            CreateTicks = comment.CreateTime.UtcTicks,
            Utf8 = bytes,
            IdBytes = (short)id,
            UsernameBytes = (short)username,
            ScoreTenThousandths = (int)Math.Round(comment.Score * 10_000),
            Label = comment.Label,
            Analyzer = AnalyzerIndex(comment.Analyzer),
            Language = LanguageNumber(comment.Language),
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
            Analyzer = entry.Analyzer < _analyzers.Length ? _analyzers[entry.Analyzer] : "",
            Language = entry.Language > 0 && entry.Language <= _languages.Length ? _languages[entry.Language - 1] : SentimentResult.Undetermined,
        };
    }

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
            var kept = new HashSet<byte>(_entries.Take(_count).Select(e => e.Analyzer));
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
