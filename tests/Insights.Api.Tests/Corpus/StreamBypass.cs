namespace Insights.Api.Tests.Corpus;

using Insights.Events;
using Orleans.Runtime;

/// <summary>
/// Publishes straight to video streams, past the API's validation, as a buggy producer or a message from an older
/// version could: poison events (which the video grain must quarantine at stage <c>grain</c> while counting their
/// neighbours) and good events on stream keys full of path characters (whose grain state must stay in its folder).
/// </summary>
internal static class StreamBypass
{
    public static async Task<(string VideoId, int Poisoned)> PublishPoisonAsync(IClusterClient client, string tag, CorpusLedger ledger)
    {
        var video = $"poison-{tag}";
        var now = DateTimeOffset.UtcNow;
        VideoStreamEvent[] good =
        [
            new CommentPosted { VideoId = video, IngestedAt = now, CommentId = "good-1", Text = "counted before the poison", Username = "ok", CreateTime = now.AddSeconds(-20) },
            new EngagementObserved { VideoId = video, IngestedAt = now, ObservedAt = now.AddSeconds(-10), ViewCount = 77, LikeCount = 7, ShareCount = 1 },
            new CommentPosted { VideoId = video, IngestedAt = now, CommentId = "good-2", Text = "counted after the poison", Username = "ok", CreateTime = now.AddSeconds(-5) },
        ];
        VideoStreamEvent[] poison =
        [
            new CommentPosted { VideoId = video, IngestedAt = now, CommentId = null!, Text = "a comment without an id", CreateTime = now },
            new CommentPosted { VideoId = video, IngestedAt = now, CommentId = "no-text", Text = null!, CreateTime = now },
            new CommentPosted { VideoId = video, IngestedAt = now, CommentId = "no-username", Text = "who?", Username = null!, CreateTime = now },
            new VideoPublished { VideoId = video, IngestedAt = now, Username = "ana", CreateTime = now, HashtagNames = null! },
        ];

        // One batch, poison in the middle: a grain that fails on it must not lose what comes before or after.
        await Stream(client, video).OnNextBatchAsync([good[0], poison[0], good[1], poison[1], poison[2], poison[3], good[2]]);
        foreach (var e in good)
        {
            ledger.Count(e);
        }

        return (video, poison.Length);
    }

    /// <summary>Stream keys that would leave the state folder if a storage used them as file names.</summary>
    public static IReadOnlyList<string> HostileKeys(string tag) =>
    [
        $"../../../corpus-escape-{tag}",
        $"..\\..\\..\\corpus-escape-{tag}",
        $"/tmp/corpus-escape-{tag}",
        $"..%2F..%2F..%2Fcorpus-escape-{tag}",
        $"nul\0corpus-escape-{tag}",
        $"corpus-escape-{tag}/../../../..",
        $"corpus-escape-{tag}\n.state",
    ];

    public static async Task PublishToHostileKeysAsync(IClusterClient client, IReadOnlyList<string> keys)
    {
        var now = DateTimeOffset.UtcNow;
        foreach (var key in keys)
        {
            await Stream(client, key).OnNextAsync(new CommentPosted
            {
                VideoId = key, IngestedAt = now, CommentId = "c1", Text = "hello from a hostile key", Username = "x", CreateTime = now,
            });
        }
    }

    private static Orleans.Streams.IAsyncStream<VideoStreamEvent> Stream(IClusterClient client, string key) =>
        client.GetStreamProvider(StreamNames.Provider).GetStream<VideoStreamEvent>(StreamId.Create(StreamNames.VideoNamespace, key));
}
