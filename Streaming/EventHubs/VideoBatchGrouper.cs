namespace Insights.Streaming.EventHubs;

using Insights.Events;
using Orleans.Providers.Streams.Common;
using Orleans.Runtime;

/// <summary>
/// Groups the events of one read by video, each video's in partition order, into one container per video. Events of
/// a video interleaved with other videos' still travel together: on a busy partition consecutive runs of one video are
/// short, and a grain handles a batch far faster than the same events one call at a time. Containers come out in the
/// order of their first offset, so the cache's sequence tokens ascend.
/// </summary>
internal sealed class VideoBatchGrouper(int partition)
{
    private readonly List<(string VideoId, List<long> Offsets, List<VideoStreamEvent> Events)> _groups = [];
    private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);

    public int Containers => _groups.Count;

    public int Events { get; private set; }

    public void Add(long offset, VideoStreamEvent e)
    {
        if (!_index.TryGetValue(e.VideoId, out var i))
        {
            _index[e.VideoId] = i = _groups.Count;
            _groups.Add((e.VideoId, [], []));
        }

        _groups[i].Offsets.Add(offset);
        _groups[i].Events.Add(e);
        Events++;
    }

    public List<EventHubsBatchContainer> Build() => _groups.Select(g => new EventHubsBatchContainer
    {
        StreamId = StreamId.Create(StreamNames.VideoNamespace, g.VideoId),
        Partition = partition,
        Offsets = [.. g.Offsets],
        Events = g.Events,
        Token = new EventSequenceTokenV2(g.Offsets[0]),
    }).ToList();
}
