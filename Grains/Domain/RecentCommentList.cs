namespace Insights.Grains.Domain;

using Insights.Stats;

/// <summary>The newest comments by creation time, newest first.</summary>
[GenerateSerializer]
public sealed class RecentCommentList
{
    [Id(0)] private readonly List<RecentComment> _items = [];
    [Id(1)] public int Capacity { get; private set; }

    public RecentCommentList(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        Capacity = capacity;
    }

    public IReadOnlyList<RecentComment> Items => _items;

    public void Offer(RecentComment comment)
    {
        if (_items.Count == Capacity && comment.CreateTime <= _items[^1].CreateTime)
        {
            return;
        }

        var at = _items.FindIndex(c => c.CreateTime < comment.CreateTime);
        _items.Insert(at < 0 ? _items.Count : at, comment);
        if (_items.Count > Capacity)
        {
            _items.RemoveAt(_items.Count - 1);
        }
    }
}
