namespace Insights.Streaming.AzureQueues;

using Orleans.Runtime;
using Orleans.Serialization;

/// <summary>
/// Turns events into Azure queue message texts and back: Orleans binary serialization of an
/// <see cref="AzureQueueBatchContainer"/>, base64 encoded (a message must be valid XML text).
/// </summary>
internal sealed class AzureQueueMessageCodec(Serializer serializer, int maxPayloadBytes = AzureQueueMessageCodec.MaxPayloadBytes)
{
    /// <summary>
    /// Azure refuses messages over 64 KiB, here base64 text: at most 48 KiB of payload. 46 KiB leaves a margin
    /// rather than betting on whether the limit is inclusive.
    /// </summary>
    public const int MaxPayloadBytes = 46 * 1024;

    /// <summary>
    /// The message texts for <paramref name="events"/> in order: one message when they fit, otherwise as many as needed,
    /// each an independent batch of the same stream. One event too large for a message on its own cannot be sent.
    /// </summary>
    public List<string> Encode(StreamId streamId, List<object> events, Dictionary<string, object>? requestContext)
    {
        var payloads = new List<byte[]>();
        Pack(streamId, events, requestContext, payloads);
        return payloads.ConvertAll(Convert.ToBase64String);
    }

    public bool TryDecode(string text, out AzureQueueBatchContainer? container, out string? error)
    {
        container = null;
        var bytes = new byte[text.Length / 4 * 3];
        if (text.Length == 0 || !Convert.TryFromBase64String(text, bytes, out var written))
        {
            error = "the message is not base64";
            return false;
        }

        try
        {
            container = serializer.Deserialize<AzureQueueBatchContainer>(bytes.AsMemory(0, written));
        }
        catch (Exception ex)
        {
            error = $"{ex.GetType().Name}: {ex.Message}";
            return false;
        }

        if (container?.Events is null)
        {
            container = null;
            error = "the message holds no batch";
            return false;
        }

        error = null;
        return true;
    }

    private void Pack(StreamId streamId, List<object> events, Dictionary<string, object>? requestContext, List<byte[]> payloads)
    {
        var payload = serializer.SerializeToArray(new AzureQueueBatchContainer(streamId, events, requestContext));
        if (payload.Length <= maxPayloadBytes)
        {
            payloads.Add(payload);
            return;
        }

        if (events.Count == 1)
        {
            throw new ArgumentException(
                $"An event of stream {streamId} ({events[0].GetType().Name}) serializes to {payload.Length} bytes; an Azure " +
                $"queue message carries at most {maxPayloadBytes}.",
                nameof(events));
        }

        // Parts sized from the average event, so usually each fits at the first try; one that does not is split again.
        var parts = Math.Min(events.Count, (int)Math.Ceiling(payload.Length / (maxPayloadBytes * 0.9)));
        parts = Math.Max(parts, 2);
        var size = (int)Math.Ceiling(events.Count / (double)parts);
        for (var start = 0; start < events.Count; start += size)
        {
            Pack(streamId, events.GetRange(start, Math.Min(size, events.Count - start)), requestContext, payloads);
        }
    }
}
