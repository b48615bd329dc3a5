namespace Insights.Streaming.Tests.AzureQueues;

using Insights.Events;
using Insights.Streaming.AzureQueues;
using Microsoft.Extensions.Time.Testing;
using Orleans.Runtime;

/// <summary>The message format and the quarantine decisions, without a queue.</summary>
public sealed class VideoQueueDataAdapterTests
{
    private static readonly StreamId Stream = StreamId.Create("test-ns", "video-1");
    private readonly DeliveryFailureLedger _ledger = new(maxDeliveryFailures: 2);
    private readonly VideoQueueDataAdapter _adapter;

    public VideoQueueDataAdapterTests() =>
        _adapter = new VideoQueueDataAdapter(TestSerialization.Serializer, _ledger, new FakeTimeProvider(DateTimeOffset.Parse("2026-12-03T10:00:00Z")));

    [Fact]
    public void A_batch_comes_back_whole_with_the_receivers_sequence_number_and_compressed()
    {
        var events = TestEvent.Range("video-1", 0, 200, textLength: 100);
        var text = _adapter.ToQueueMessage(Stream, events, null, new Dictionary<string, object> { ["k"] = "v" });

        var container = Assert.IsType<AzureQueueBatchContainer>(_adapter.FromQueueMessage(text, 42));
        Assert.Equal(Stream, container.StreamId);
        Assert.Equal(events, container.GetEvents<TestEvent>().Select(e => e.Item1));
        Assert.Equal(42, container.SequenceToken.SequenceNumber);
        Assert.Equal(Enumerable.Range(0, 200), container.GetEvents<TestEvent>().Select(e => e.Item2.EventIndex));
        Assert.True(container.ImportRequestContext());
        Assert.True(text.Length < 200 * 100 / 2, $"{text.Length} characters for 20,000 characters of repetitive text: not compressed");
    }

    [Fact]
    public void Events_that_do_not_fit_one_message_are_refused_with_the_exception_the_publisher_splits_on()
    {
        // Random text does not compress: 100 events of 1,000 random letters cannot fit 63 KiB.
        var random = new Random(7);
        var events = Enumerable.Range(0, 100)
            .Select(i => new TestEvent { Stream = "video-1", Sequence = i, Text = new string([.. Enumerable.Range(0, 1000).Select(_ => (char)random.Next('a', 'z' + 1))]) })
            .ToList();
        var error = Assert.Throws<StreamMessageTooLargeException>(() => _adapter.ToQueueMessage(Stream, events, null, null));
        Assert.Contains("100 event(s)", error.Message);

        var half = _adapter.ToQueueMessage(Stream, events.Take(25).ToList(), null, null);
        Assert.True(half.Length <= VideoQueueDataAdapter.MaxMessageLength);
    }

    [Theory]
    [InlineData("not base64 at all!", "not base64")]
    [InlineData("AAAA", "unknown message format 0")]
    [InlineData("AQID", "could not be decoded")]
    public void An_undecodable_message_becomes_a_quarantine_message_with_its_text_and_reason(string text, string reason)
    {
        var container = Assert.IsType<AzureQueueBatchContainer>(_adapter.FromQueueMessage(text, 7));
        Assert.Equal(StreamNames.QuarantineNamespace, container.StreamId.GetNamespace());
        var message = Assert.Single(container.GetEvents<QuarantinedMessage>()).Item1;
        Assert.Equal(text, message.PayloadText);
        Assert.Equal(VideoQueueDataAdapter.QuarantineSource, message.Source);
        Assert.Contains(reason, message.Reason);
        Assert.Equal(DateTimeOffset.Parse("2026-12-03T10:00:00Z"), message.ReceivedAt);
        Assert.Equal(7, container.SequenceToken.SequenceNumber);
    }

    [Fact]
    public void A_message_whose_delivery_failed_the_allowed_rounds_comes_back_as_a_quarantine_message_once()
    {
        var text = _adapter.ToQueueMessage(Stream, TestEvent.Range("video-1", 0, 3), null, null);

        // Round 1 and 2: read, the pulling agent gives up, it comes back with a new sequence number.
        for (var round = 1; round <= 2; round++)
        {
            var read = _adapter.FromQueueMessage(text, round * 10);
            Assert.Equal(Stream, read.StreamId);
            Assert.Equal(round, _ledger.RecordFailure(Stream, read.SequenceToken));
        }

        var quarantined = _adapter.FromQueueMessage(text, 30);
        Assert.Equal(StreamNames.QuarantineNamespace, quarantined.StreamId.GetNamespace());
        var message = Assert.Single(quarantined.GetEvents<QuarantinedMessage>()).Item1;
        Assert.Contains("failed delivery 2 times", message.Reason);
        Assert.Equal(Stream.ToString(), message.Id);
        Assert.Equal(text, message.PayloadText);

        // If the quarantine write fails too, the message comes back and is first delivered again, not lost.
        Assert.Equal(Stream, _adapter.FromQueueMessage(text, 40).StreamId);
    }

    [Fact]
    public void Failures_of_other_messages_and_unknown_tokens_count_nothing()
    {
        var a = _adapter.ToQueueMessage(Stream, TestEvent.Range("video-1", 0, 1), null, null);
        var b = _adapter.ToQueueMessage(Stream, TestEvent.Range("video-1", 1, 1), null, null);
        var readA = _adapter.FromQueueMessage(a, 1);
        _adapter.FromQueueMessage(b, 2);
        Assert.Equal(1, _ledger.RecordFailure(Stream, readA.SequenceToken));
        Assert.Equal(2, _ledger.RecordFailure(Stream, readA.SequenceToken));
        Assert.Equal(0, _ledger.RecordFailure(Stream, new Orleans.Providers.Streams.Common.EventSequenceTokenV2(99)));
        Assert.Equal(0, _ledger.RecordFailure(StreamId.Create("test-ns", "other"), readA.SequenceToken));

        // b was never reported: it is delivered, not quarantined.
        Assert.Equal(Stream, _adapter.FromQueueMessage(b, 3).StreamId);
    }

    [Fact]
    public void The_ledger_forgets_its_oldest_reads_beyond_its_capacity()
    {
        var ledger = new DeliveryFailureLedger(maxDeliveryFailures: 1, capacity: 16);
        for (var i = 0; i < 100; i++)
        {
            ledger.Read(Stream, i, (UInt128)i);
        }

        Assert.Equal(0, ledger.RecordFailure(Stream, new Orleans.Providers.Streams.Common.EventSequenceTokenV2(0)));
        Assert.Equal(1, ledger.RecordFailure(Stream, new Orleans.Providers.Streams.Common.EventSequenceTokenV2(99)));
        Assert.Equal(1, ledger.FailuresOf(99));
    }
}
