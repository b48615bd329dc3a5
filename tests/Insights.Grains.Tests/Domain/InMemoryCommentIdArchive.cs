namespace Insights.Grains.Tests.Domain;

using Insights.Grains.Domain;

/// <summary>
/// Archive segments kept as Orleans-serialized bytes, as grain storage keeps them, so what a test reads back went
/// through the same serializer; counts reads and writes.
/// </summary>
internal sealed class InMemoryCommentIdArchive : ICommentIdArchive
{
    private readonly Dictionary<int, byte[]> _segments = [];

    public int Reads { get; private set; }

    public int Writes { get; private set; }

    public IReadOnlyCollection<int> Buckets => _segments.Keys;

    public int KeysIn(int bucket) => _segments.TryGetValue(bucket, out var bytes) ? TestSerialization.RoundTrip<SortedCommentKeys>(bytes).Count : 0;

    public Task<SortedCommentKeys> ReadAsync(int bucket)
    {
        Reads++;
        return Task.FromResult(_segments.TryGetValue(bucket, out var bytes) ? TestSerialization.RoundTrip<SortedCommentKeys>(bytes) : new SortedCommentKeys());
    }

    public Task WriteAsync(int bucket, SortedCommentKeys keys)
    {
        Writes++;
        _segments[bucket] = TestSerialization.Serializer.SerializeToArray(keys);
        return Task.CompletedTask;
    }
}
