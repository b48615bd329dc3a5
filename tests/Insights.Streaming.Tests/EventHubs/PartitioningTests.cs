namespace Insights.Streaming.Tests.EventHubs;

using System.Text;
using Insights.Events;
using Insights.Streaming.EventHubs;
using Orleans.Runtime;

public class PartitioningTests
{
    [Theory]
    [InlineData("21", -973932308)]
    [InlineData("foobar", -790332482)]
    [InlineData("a-little-bit-long-string", -985981536)]
    [InlineData("a-little-bit-longer-string", -1486304829)]
    [InlineData("lkjh234lh9fiuh90y23oiuhsafujhadof229phr9h19h89h8", -58897971)]
    [InlineData("abc", 479470107)]
    public void Murmur2_matches_the_java_kafka_client(string key, int expected) =>
        Assert.Equal(expected, KafkaPartitioner.Murmur2(Encoding.UTF8.GetBytes(key)));

    [Fact]
    public void A_key_always_maps_to_the_same_partition_within_range()
    {
        for (var i = 0; i < 1_000; i++)
        {
            var key = "73000000000000" + i;
            var p = KafkaPartitioner.PartitionOf(key, 4);
            Assert.InRange(p, 0, 3);
            Assert.Equal(p, KafkaPartitioner.PartitionOf(key, 4));
        }

        // 0x7fffffff & murmur2("21") = 1173551340, and 1173551340 % 4 == 0 for the Java client too.
        Assert.Equal(1173551340 % 4, KafkaPartitioner.PartitionOf("21", 4));
    }

    [Fact]
    public void Keys_spread_over_every_partition()
    {
        var counts = new int[8];
        for (var i = 0; i < 8_000; i++)
        {
            counts[KafkaPartitioner.PartitionOf("video-" + i, 8)]++;
        }

        Assert.All(counts, c => Assert.InRange(c, 800, 1_200));
    }

    [Fact]
    public void Every_partition_has_its_own_queue_and_back()
    {
        var mapper = new EventHubsQueueMapper(16, "insights");

        var queues = mapper.GetAllQueues().ToList();

        Assert.Equal(16, queues.Count);
        Assert.Equal(16, queues.Distinct().Count());
        Assert.Equal(Enumerable.Range(0, 16), queues.Select(mapper.PartitionOf).Order());
        for (var p = 0; p < 16; p++)
        {
            Assert.Equal(p, mapper.PartitionOf(mapper.QueueOf(p)));
        }
    }

    [Fact]
    public void The_mapping_is_stable_across_instances_as_silos_and_clients_need()
    {
        var a = new EventHubsQueueMapper(8, "insights");
        var b = new EventHubsQueueMapper(8, "insights");

        Assert.Equal(a.GetAllQueues(), b.GetAllQueues());
        for (var p = 0; p < 8; p++)
        {
            Assert.Equal(a.QueueOf(p), b.QueueOf(p));
        }
    }

    [Fact]
    public void A_video_stream_maps_to_the_queue_of_the_partition_kafka_puts_its_events_in()
    {
        var mapper = new EventHubsQueueMapper(4, "insights");
        foreach (var video in new[] { "7300000000000000001", "7300000000000000002", "abc", "video_x-1" })
        {
            var stream = StreamId.Create(StreamNames.VideoNamespace, video);
            var queue = mapper.GetQueueForStream(stream);

            Assert.Equal(mapper.QueueOf(KafkaPartitioner.PartitionOf(video, 4)), queue);
            Assert.Equal(queue, mapper.GetQueueForStream(StreamId.Create(StreamNames.VideoNamespace, video)));
        }
    }

    [Fact]
    public void Only_video_streams_are_carried()
    {
        var mapper = new EventHubsQueueMapper(4, "insights");

        Assert.Throws<NotSupportedException>(() => mapper.GetQueueForStream(StreamId.Create("other", "x")));
        Assert.Throws<ArgumentException>(() => mapper.PartitionOf(new EventHubsQueueMapper(4, "another").QueueOf(0)));
    }
}
