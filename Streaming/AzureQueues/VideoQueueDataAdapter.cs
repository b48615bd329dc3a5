namespace Insights.Streaming.AzureQueues;

using System.Buffers.Text;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using Insights.Events;
using Orleans.Providers.Streams.Common;
using Orleans.Runtime;
using Orleans.Serialization;
using Orleans.Streams;

/// <summary>
/// The message format of Insights' Azure queues, plugged into Orleans' Azure queue provider: one publish call for one
/// stream is one message, an Orleans-serialized <see cref="AzureQueueBatchContainer"/>, deflated (comments compress
/// about fourfold) and base64 encoded (a message must be XML-safe text).
/// <para>
/// Reading never throws, because a message that cannot be read would come back after every visibility timeout and be
/// refused again: an undecodable message, and one whose delivery failed
/// <see cref="DeliveryFailureLedger.MaxDeliveryFailures"/> times, become a <see cref="QuarantinedMessage"/> on
/// <see cref="StreamNames.QuarantineNamespace"/>, which the quarantine grain writes to the quarantine zone before the
/// provider deletes the message.
/// </para>
/// </summary>
public sealed class VideoQueueDataAdapter(Serializer serializer, DeliveryFailureLedger ledger, TimeProvider clock)
    : IQueueDataAdapter<string, IBatchContainer>
{
    /// <summary>
    /// Azure takes messages up to 64 KiB; a kilobyte is left for the request envelope rather than betting on how the
    /// limit is counted.
    /// </summary>
    public const int MaxMessageLength = 63 * 1024;

    public const string QuarantineSource = "azure-queue";

    private const byte DeflatedOrleansBatch = 1;

    public string ToQueueMessage<T>(StreamId streamId, IEnumerable<T> events, StreamSequenceToken? token, Dictionary<string, object>? requestContext)
    {
        var list = events.Cast<object>().ToList();
        var payload = serializer.SerializeToArray(new AzureQueueBatchContainer(streamId, list, requestContext));
        using var packed = new MemoryStream(payload.Length / 2 + 16);
        packed.WriteByte(DeflatedOrleansBatch);
        using (var deflate = new DeflateStream(packed, CompressionLevel.Fastest, leaveOpen: true))
        {
            deflate.Write(payload);
        }

        var text = Convert.ToBase64String(packed.GetBuffer(), 0, (int)packed.Length);
        if (text.Length > MaxMessageLength)
        {
            throw new StreamMessageTooLargeException(
                $"{list.Count} event(s) of stream {streamId} take {text.Length} characters as a queue message; at most {MaxMessageLength} fit one.");
        }

        return text;
    }

    public IBatchContainer FromQueueMessage(string cloudMsg, long sequenceId)
    {
        var token = new EventSequenceTokenV2(sequenceId);
        var fingerprint = Fingerprint(cloudMsg);
        var decoded = TryDecode(cloudMsg, out var error);
        var failures = ledger.FailuresOf(fingerprint);
        if (decoded is null || failures >= ledger.MaxDeliveryFailures)
        {
            ledger.Forget(fingerprint);
            var reason = decoded is null
                ? $"azure queue message could not be decoded: {error}"
                : $"azure queue message of stream {decoded.StreamId} ({decoded.Count} events) failed delivery {failures} times, " +
                  "each retried for the pulling agent's MaxEventDeliveryTime; the consumer's errors are in the silo log";
            var quarantined = new AzureQueueBatchContainer(
                QuarantineStream(fingerprint),
                [new QuarantinedMessage
                {
                    Source = QuarantineSource,
                    Reason = reason,
                    Type = "azure-queue-message",
                    Id = decoded?.StreamId.ToString(),
                    PayloadText = cloudMsg,
                    ReceivedAt = clock.GetUtcNow(),
                }],
                null);
            quarantined.Received(token);
            return quarantined;
        }

        decoded.Received(token);
        ledger.Read(decoded.StreamId, sequenceId, fingerprint);
        return decoded;
    }

    /// <summary>One quarantine stream per message: the grain behind it sees one message, from one queue.</summary>
    private static StreamId QuarantineStream(UInt128 fingerprint) =>
        StreamId.Create(StreamNames.QuarantineNamespace, QuarantineSource + "/" + fingerprint.ToString("x32", System.Globalization.CultureInfo.InvariantCulture));

    private static UInt128 Fingerprint(string text)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(text), hash);
        return new UInt128(BitConverter.ToUInt64(hash), BitConverter.ToUInt64(hash[8..]));
    }

    private AzureQueueBatchContainer? TryDecode(string text, out string? error)
    {
        var bytes = new byte[Base64.GetMaxDecodedFromUtf8Length(text.Length)];
        if (text.Length == 0 || !Convert.TryFromBase64String(text, bytes, out var written))
        {
            error = "the message is not base64";
            return null;
        }

        if (bytes[0] != DeflatedOrleansBatch)
        {
            error = $"unknown message format {bytes[0]}";
            return null;
        }

        // Whatever the bytes are, the answer is a quarantine message, never an exception.
        try
        {
            using var inflate = new DeflateStream(new MemoryStream(bytes, 1, written - 1), CompressionMode.Decompress);
            using var payload = new MemoryStream();
            inflate.CopyTo(payload);
            var container = serializer.Deserialize<AzureQueueBatchContainer>(payload.GetBuffer().AsMemory(0, (int)payload.Length));
            error = container?.Events is null ? "the message holds no batch" : null;
            return error is null ? container : null;
        }
        catch (Exception ex)
        {
            error = $"{ex.GetType().Name}: {ex.Message}";
            return null;
        }
    }
}
