namespace Insights.Grains.Domain;

/// <summary>
/// What a comment is de-duplicated by: its creation second and a 64-bit FNV-1a hash of its id. A redelivery carries
/// the same id and creation time, so it has the same key, which orders it (by time first) into the same place: the
/// in-heap set or the archive segment of its hour. Two distinct comments are taken for one only if they were created
/// in the same second of the same video and their ids' 64-bit hashes collide.
/// </summary>
public readonly record struct CommentKey(uint Second, ulong Hash) : IComparable<CommentKey>
{
    /// <summary>Archive segments each hold the keys of one hour of creation time.</summary>
    public const uint SecondsPerBucket = 3600;

    public int Bucket => (int)(Second / SecondsPerBucket);

    public static CommentKey Of(string commentId, DateTimeOffset createTime) =>
        new((uint)Math.Clamp(createTime.ToUnixTimeSeconds(), 0, uint.MaxValue), Fnv1a(commentId));

    public int CompareTo(CommentKey other)
    {
        var bySecond = Second.CompareTo(other.Second);
        return bySecond != 0 ? bySecond : Hash.CompareTo(other.Hash);
    }

    public static bool operator <(CommentKey left, CommentKey right) => left.CompareTo(right) < 0;

    public static bool operator >(CommentKey left, CommentKey right) => left.CompareTo(right) > 0;

    public static bool operator <=(CommentKey left, CommentKey right) => left.CompareTo(right) <= 0;

    public static bool operator >=(CommentKey left, CommentKey right) => left.CompareTo(right) >= 0;

    /// <summary>Stable across processes (persisted keys are read by others): no per-process seed.</summary>
    public static ulong Fnv1a(string s) => Fnv1a(s.AsSpan());

    public static ulong Fnv1a(ReadOnlySpan<char> s)
    {
        const ulong offset = 14695981039346656037UL;
        const ulong prime = 1099511628211UL;
        var h = offset;
        foreach (var c in s)
        {
            h = (h ^ (byte)c) * prime;
            h = (h ^ (byte)(c >> 8)) * prime;
        }

        return h;
    }
}
