namespace Insights.Streaming.AzureQueues;

using Azure;
using Azure.Storage.Queues;
using Microsoft.Extensions.Logging;

/// <summary>
/// Deletes one received message. Never throws for storage errors: a message not deleted reappears after its
/// visibility timeout and is delivered again, which consumers tolerate (they are idempotent).
/// </summary>
internal static partial class AzureQueueDeletes
{
    /// <summary>True when deleted, false when it will come back.</summary>
    public static async Task<bool> DeleteAsync(
        QueueClient queue, string messageId, string popReceipt, ILogger logger, CancellationToken cancellationToken)
    {
        try
        {
            await queue.DeleteMessageAsync(messageId, popReceipt, cancellationToken);
            return true;
        }
        catch (RequestFailedException ex) when (IsStaleReceipt(ex))
        {
            // Received again since (its visibility timeout ran out) or already deleted: the newer receive owns it now.
            LogStaleReceipt(logger, queue.Name, messageId, ex.Status, ex.ErrorCode);
            return false;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Storage down, retries exhausted (the SDK then throws AggregateException): same outcome as a stale receipt.
            LogDeleteFailed(logger, ex, queue.Name, messageId);
            return false;
        }
    }

    private static bool IsStaleReceipt(RequestFailedException ex) =>
        ex.Status == 404 || (ex.Status == 400 && ex.ErrorCode == "PopReceiptMismatch");

    [LoggerMessage(Level = LogLevel.Information, Message = "Message {MessageId} of queue {Queue} was not deleted: its pop receipt is stale ({Status} {ErrorCode}); it will be delivered again")]
    private static partial void LogStaleReceipt(ILogger logger, string queue, string messageId, int status, string? errorCode);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Message {MessageId} of queue {Queue} could not be deleted; it will be delivered again")]
    private static partial void LogDeleteFailed(ILogger logger, Exception exception, string queue, string messageId);
}
