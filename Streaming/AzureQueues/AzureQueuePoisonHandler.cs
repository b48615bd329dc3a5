namespace Insights.Streaming.AzureQueues;

using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using Insights.Lake.Records;
using Insights.Lake.Zones;
using Microsoft.Extensions.Logging;

/// <summary>
/// Takes a message that must not be delivered (undecodable, or failing delivery over and over) out of its queue, so it
/// cannot block it: first into the quarantine zone, then deleted. Without a lake (a client process), the message is
/// logged as an error, body included, and deleted.
/// </summary>
internal sealed partial class AzureQueuePoisonHandler(QuarantineWriter? quarantine, TimeProvider clock, ILogger<AzureQueuePoisonHandler> logger)
{
    /// <summary>Quarantine rows of this stage sit under <c>quarantine/stream/</c>, beside ingest and grain ones.</summary>
    public const string Stage = "stream";

    public const string RecordType = "azure-queue-message";

    public async Task HandleAsync(QueueClient queue, QueueMessage message, string reason, CancellationToken cancellationToken)
    {
        var body = message.Body.ToString();
        if (quarantine is null)
        {
            LogPoisonDropped(queue.Name, message.MessageId, reason, body);
        }
        else
        {
            try
            {
                await quarantine.AddAsync(Record(queue.Name, message, reason, body), cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Kept in the queue: it comes back after the visibility timeout and is tried again.
                LogQuarantineFailed(ex, queue.Name, message.MessageId, reason);
                return;
            }

            LogPoisonQuarantined(queue.Name, message.MessageId, reason);
        }

        await AzureQueueDeletes.DeleteAsync(queue, message.MessageId, message.PopReceipt, logger, cancellationToken);
    }

    private QuarantineRecord Record(string queueName, QueueMessage message, string reason, string body) => new()
    {
        QuarantineId = QuarantineWriter.NewId(),
        ReceivedAt = clock.GetUtcNow(),
        Source = "azure-queue/" + queueName,
        Stage = Stage,
        Reason = reason,
        Type = RecordType,
        Id = message.MessageId,

        // The message text as it was on the queue (base64 of an Orleans batch, when it is one): it can be sent back as is.
        PayloadText = body,
    };

    [LoggerMessage(Level = LogLevel.Warning, Message = "Poison message {MessageId} of queue {Queue} moved to quarantine: {Reason}")]
    private partial void LogPoisonQuarantined(string queue, string messageId, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Poison message {MessageId} of queue {Queue} deleted without a quarantine zone in this process: {Reason}. Body: {Body}")]
    private partial void LogPoisonDropped(string queue, string messageId, string reason, string body);

    [LoggerMessage(Level = LogLevel.Error, Message = "Poison message {MessageId} of queue {Queue} could not be quarantined and stays in the queue: {Reason}")]
    private partial void LogQuarantineFailed(Exception exception, string queue, string messageId, string reason);
}
