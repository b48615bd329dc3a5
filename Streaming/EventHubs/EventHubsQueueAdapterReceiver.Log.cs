namespace Insights.Streaming.EventHubs;

using Confluent.Kafka;
using Microsoft.Extensions.Logging;

internal sealed partial class EventHubsQueueAdapterReceiver
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Event Hubs {Topic} partition {Partition}: reading for group {Group} from {Offset}")]
    private partial void LogStarted(string topic, int partition, string group, string offset);

    [LoggerMessage(Level = LogLevel.Error, Message = "Event Hubs {Topic} partition {Partition}: could not start reading; trying again in {Delay}")]
    private partial void LogStartFailed(string topic, int partition, TimeSpan delay, Exception ex);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Event Hubs {Topic} partition {Partition}: read failed ({Code}: {Reason}); the pulling agent reads again")]
    private partial void LogReadTransient(string topic, int partition, ErrorCode code, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Event Hubs {Topic} partition {Partition}: the Kafka client failed for good ({Code}); a new one starts in {Delay}")]
    private partial void LogReadFatal(string topic, int partition, ErrorCode code, TimeSpan delay, Exception ex);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Event Hubs {Topic} partition {Partition}: quarantined {Count} poison messages (first: {Reason})")]
    private partial void LogPoison(string topic, int partition, int count, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Event Hubs {Topic} partition {Partition}: the lake's buffer is full (storage down or slow); not reading until it drains")]
    private partial void LogLakeFull(string topic, int partition);

    [LoggerMessage(Level = LogLevel.Error, Message = "Event Hubs {Topic} partition {Partition}: Orleans gave up delivering {Events} events of {Stream} (from offset {Offset}); they are in the raw zone but skipped")]
    private partial void LogSkipped(string topic, int partition, string stream, int events, long offset);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Event Hubs {Topic} partition {Partition}: committed offset {Offset}")]
    private partial void LogCommitted(string topic, int partition, long offset);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Event Hubs {Topic} partition {Partition}: could not commit offset {Offset} ({Code}: {Reason}); trying again later")]
    private partial void LogCommitFailed(string topic, int partition, long offset, ErrorCode code, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Event Hubs {Topic} partition {Partition}: the lake did not flush within {Timeout}; offset {Offset} not committed yet")]
    private partial void LogFlushTimedOut(string topic, int partition, long offset, TimeSpan timeout);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Event Hubs {Topic} partition {Partition}: closing the Kafka client failed")]
    private partial void LogCloseFailed(string topic, int partition, Exception ex);

    [LoggerMessage(Level = LogLevel.Information, Message = "Event Hubs {Topic} partition {Partition}: stopped; committed offset {Offset}, {Pending} offsets read but not delivered will be read again")]
    private partial void LogStopped(string topic, int partition, long? offset, int pending);
}
