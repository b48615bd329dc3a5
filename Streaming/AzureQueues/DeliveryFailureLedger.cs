namespace Insights.Streaming.AzureQueues;

using System.Collections.Concurrent;
using Orleans.Runtime;
using Orleans.Streams;

/// <summary>
/// Counts, per message, the delivery rounds that failed, so that a message that keeps failing goes to quarantine
/// instead of coming back after every visibility timeout forever.
/// <para>
/// The pulling agent reports a failure with the stream and sequence token only, and a message comes back from the
/// queue as new text with a new sequence number: so the ledger remembers the fingerprint (a hash of the text) of each
/// message read, under its stream and sequence number, and counts failures by fingerprint. Both tables are bounded;
/// what they forget is only a message that has not failed lately, which starts counting again. A restarted silo starts
/// from zero too: a message that keeps failing is then quarantined a few rounds later, never lost.
/// </para>
/// </summary>
public sealed class DeliveryFailureLedger(int maxDeliveryFailures, int capacity = DeliveryFailureLedger.DefaultCapacity)
{
    public const int DefaultCapacity = 65_536;

    private readonly BoundedMap<(StreamId Stream, long Sequence), UInt128> _read = new(capacity);
    private readonly BoundedMap<UInt128, int> _failures = new(capacity / 8);

    public int MaxDeliveryFailures => maxDeliveryFailures;

    /// <summary>A message was read: its failures, if any are reported, count against its fingerprint.</summary>
    public void Read(StreamId stream, long sequence, UInt128 fingerprint) => _read.Set((stream, sequence), fingerprint);

    /// <summary>The pulling agent gave up one delivery round of the message at this stream and token.</summary>
    public int RecordFailure(StreamId stream, StreamSequenceToken? token)
    {
        if (token is null || !_read.TryGet((stream, token.SequenceNumber), out var fingerprint))
        {
            return 0;
        }

        return _failures.AddOrUpdate(fingerprint, 1, n => n + 1);
    }

    /// <summary>Delivery rounds of the message with this fingerprint that failed.</summary>
    public int FailuresOf(UInt128 fingerprint) => _failures.TryGet(fingerprint, out var n) ? n : 0;

    /// <summary>The message goes to quarantine: a copy of it that comes back later starts from zero.</summary>
    public void Forget(UInt128 fingerprint) => _failures.Remove(fingerprint);

    /// <summary>A dictionary that forgets its oldest keys beyond its capacity.</summary>
    private sealed class BoundedMap<TKey, TValue>(int capacity)
        where TKey : notnull
    {
        private readonly ConcurrentDictionary<TKey, TValue> _values = new();
        private readonly ConcurrentQueue<TKey> _order = new();

        public void Set(TKey key, TValue value)
        {
            _values[key] = value;
            _order.Enqueue(key);
            Trim();
        }

        public TValue AddOrUpdate(TKey key, TValue add, Func<TValue, TValue> update)
        {
            var added = false;
            var value = _values.AddOrUpdate(key, _ => { added = true; return add; }, (_, old) => update(old));
            if (added)
            {
                _order.Enqueue(key);
                Trim();
            }

            return value;
        }

        public bool TryGet(TKey key, out TValue value) => _values.TryGetValue(key, out value!);

        public void Remove(TKey key) => _values.TryRemove(key, out _);

        private void Trim()
        {
            // The queue may hold keys set twice or removed: it only bounds the work, the count bounds the memory.
            while (_order.Count > capacity && _order.TryDequeue(out var oldest))
            {
                if (_values.Count > capacity)
                {
                    _values.TryRemove(oldest, out _);
                }
            }
        }
    }
}
