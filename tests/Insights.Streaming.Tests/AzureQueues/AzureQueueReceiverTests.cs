namespace Insights.Streaming.Tests.AzureQueues;

using Insights.Streaming.AzureQueues;
using Insights.Streaming.Tests.Support;
using Orleans.Providers.Streams.Common;

/// <summary>The adapter and receiver on Azurite, with the tests in the pulling agent's place.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class AzureQueueReceiverTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Batches_of_several_streams_come_back_whole_and_in_order_per_stream()
    {
        var harness = await AzureQueueHarness.StartAsync(azurite, queues: 3);
        var streams = Enumerable.Range(0, 6).Select(i => AzureQueueHarness.Stream("video-" + i)).ToList();
        var sent = streams.ToDictionary(s => s, _ => new List<TestEvent>());
        for (var round = 0; round < 3; round++)
        {
            foreach (var stream in streams)
            {
                var events = TestEvent.Range(stream.GetKeyAsString(), round * 10, 1 + round * 4);
                await harness.PublishAsync(stream, events);
                sent[stream].AddRange(events);
            }
        }

        var received = new List<AzureQueueBatchContainer>();
        foreach (var queue in harness.Queues)
        {
            var read = await harness.ReadAllAsync(queue);
            Assert.All(read, c => Assert.Equal(queue, harness.QueueOf(c.StreamId)));
            received.AddRange(read);
        }

        Assert.Equal(streams.Count * 3, received.Count);
        foreach (var stream in streams)
        {
            var containers = received.Where(c => c.StreamId.Equals(stream)).ToList();
            Assert.Equal(3, containers.Count);
            Assert.Equal(sent[stream], AzureQueueHarness.EventsOf(containers));
            Assert.All(AzureQueueHarness.EventsOf(containers), e => Assert.Equal(stream.GetKeyAsString(), e.Stream));

            // Tokens order containers, and events within them, as they were read.
            var tokens = containers.SelectMany(c => c.GetEvents<TestEvent>().Select(e => (EventSequenceTokenV2)e.Item2)).ToList();
            Assert.Equal(tokens.OrderBy(t => t.SequenceNumber).ThenBy(t => t.EventIndex), tokens);
        }
    }

    [Fact]
    public async Task Unacknowledged_messages_come_back_after_the_visibility_timeout_and_acknowledged_ones_are_gone()
    {
        var harness = await AzureQueueHarness.StartAsync(azurite, queues: 1, o => o.VisibilityTimeout = TimeSpan.FromSeconds(2));
        var stream = AzureQueueHarness.Stream("redelivered");
        var queue = harness.QueueOf(stream);
        var events = TestEvent.Range("redelivered", 0, 5);
        await harness.PublishAsync(stream, events);

        var first = await harness.ReadAllAsync(queue);
        Assert.Equal(events, AzureQueueHarness.EventsOf(first));
        Assert.Empty(await harness.ReadAllAsync(queue)); // hidden, not gone

        await Task.Delay(TimeSpan.FromSeconds(2.5));
        var second = await harness.ReadAllAsync(queue);
        Assert.Equal(events, AzureQueueHarness.EventsOf(second));
        Assert.Equal(2, second.Single().Receipt!.DequeueCount);

        // The first receive's pop receipt is stale now: acknowledging it must neither throw nor delete.
        await harness.AcknowledgeAsync(queue, first);
        Assert.Equal(1, await harness.CountAsync(queue));

        await harness.AcknowledgeAsync(queue, second);
        Assert.Equal(0, await harness.CountAsync(queue));
        await Task.Delay(TimeSpan.FromSeconds(2.5));
        Assert.Empty(await harness.ReadAllAsync(queue));
    }

    [Fact]
    public async Task A_batch_too_large_for_one_message_is_split_and_arrives_complete()
    {
        var harness = await AzureQueueHarness.StartAsync(azurite, queues: 1);
        var stream = AzureQueueHarness.Stream("large");
        var queue = harness.QueueOf(stream);

        // About 240 KiB of text: five messages at least.
        var events = TestEvent.Range("large", 0, 120, textLength: 2048);
        await harness.PublishAsync(stream, events);

        var raw = harness.RawQueue(queue);
        var peeked = (await raw.PeekMessagesAsync(AzureQueueStreamOptions.MaxMessagesPerRead)).Value;
        Assert.True(peeked.Length >= 5, $"expected the batch split in at least 5 messages, found {peeked.Length}");
        Assert.All(peeked, m => Assert.True(m.Body.ToMemory().Length <= 64 * 1024, $"message of {m.Body.ToMemory().Length} bytes"));

        var read = await harness.ReadAllAsync(queue);
        Assert.Equal(peeked.Length, read.Count);
        Assert.All(read, c => Assert.Equal(stream, c.StreamId));
        Assert.Equal(events, AzureQueueHarness.EventsOf(read));

        // One event larger than a message cannot be split: the producer is told, nothing is half sent.
        var huge = TestEvent.Range("large", 1000, 1, textLength: 64 * 1024);
        await Assert.ThrowsAsync<ArgumentException>(() => harness.PublishAsync(stream, huge));
    }

    [Fact]
    public async Task Poison_messages_go_to_quarantine_and_are_deleted_while_good_ones_around_them_are_delivered()
    {
        await using var lake = new TestLake();
        var harness = await AzureQueueHarness.StartAsync(azurite, queues: 1, o => o.MaxDequeueCount = 2, lake.Quarantine);
        var good = AzureQueueHarness.Stream("good");
        var tired = AzureQueueHarness.Stream("tired");
        var queue = harness.QueueOf(good);
        var raw = harness.RawQueue(queue);

        // A message that keeps failing: received twice already and never deleted.
        await harness.PublishAsync(tired, TestEvent.Range("tired", 0, 3));
        for (var i = 0; i < 2; i++)
        {
            var taken = (await raw.ReceiveMessageAsync()).Value;
            await raw.UpdateMessageAsync(taken.MessageId, taken.PopReceipt, taken.Body, TimeSpan.Zero);
        }

        var goodEvents = TestEvent.Range("good", 0, 4);
        await harness.PublishAsync(good, goodEvents[..2]);
        const string notBase64 = "this is not base64 <at all>";
        var garbageBytes = Convert.ToBase64String([0xde, 0xad, 0xbe, 0xef, 0x01, 0x02]);
        await raw.SendMessageAsync(notBase64);
        await raw.SendMessageAsync(garbageBytes);
        await harness.PublishAsync(good, goodEvents[2..]);

        var read = await harness.ReadAllAsync(queue);
        Assert.All(read, c => Assert.Equal(good, c.StreamId));
        Assert.Equal(goodEvents, AzureQueueHarness.EventsOf(read));
        Assert.Equal(2, await harness.CountAsync(queue)); // the poison ones are deleted; the good ones wait for their ack

        var records = await lake.FlushedQuarantineAsync();
        Assert.Equal(3, records.Count);
        Assert.All(records, r => Assert.Equal(AzureQueuePoisonHandler.Stage, r.Stage));
        Assert.All(records, r => Assert.Contains(AzureQueueNames.For(harness.Options.QueuePrefix, queue), r.Reason));
        var undecodable = records.Where(r => r.Reason.Contains("could not be decoded", StringComparison.Ordinal)).ToList();
        Assert.Equal(
            new[] { notBase64, garbageBytes }.Order(StringComparer.Ordinal),
            undecodable.Select(r => r.PayloadText!).Order(StringComparer.Ordinal));
        var exhausted = Assert.Single(records, r => r.Reason.Contains("delivered 2 times without success", StringComparison.Ordinal));
        Assert.Contains("tired", exhausted.Reason);

        // Quarantined as it was on the queue, so it can be put back once whatever failed is fixed.
        Assert.Equal(3, TestSerialization.Serializer.Deserialize<AzureQueueBatchContainer>(Convert.FromBase64String(exhausted.PayloadText!))!.Count);

        await harness.AcknowledgeAsync(queue, read);
        Assert.Equal(0, await harness.CountAsync(queue));
    }

    [Fact]
    public async Task Without_a_quarantine_zone_poison_is_logged_and_deleted()
    {
        var harness = await AzureQueueHarness.StartAsync(azurite, queues: 1);
        var stream = AzureQueueHarness.Stream("alone");
        var queue = harness.QueueOf(stream);
        await harness.ReceiverAsync(queue); // creates the queue
        await harness.RawQueue(queue).SendMessageAsync("garbage");
        await harness.PublishAsync(stream, TestEvent.Range("alone", 0, 2));

        var read = await harness.ReadAllAsync(queue);
        Assert.Equal(TestEvent.Range("alone", 0, 2), AzureQueueHarness.EventsOf(read));
        Assert.Equal(1, await harness.CountAsync(queue));
    }
}
