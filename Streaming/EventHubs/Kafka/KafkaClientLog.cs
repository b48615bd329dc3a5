namespace Insights.Streaming.EventHubs.Kafka;

using Confluent.Kafka;
using Microsoft.Extensions.Logging;

/// <summary>
/// Routes librdkafka's own log lines and errors to the host's logger; left alone, librdkafka writes them to stderr.
/// </summary>
internal static partial class KafkaClientLog
{
    public static void Forward(ILogger logger, LogMessage message)
    {
        var level = (LogLevel)message.LevelAs(LogLevelType.MicrosoftExtensionsLogging);
        if (logger.IsEnabled(level))
        {
            LibrdkafkaLine(logger, level, message.Name, message.Facility, message.Message);
        }
    }

    /// <summary>
    /// Transient errors (a broker down, a connection reset) are retried by librdkafka itself; fatal ones leave the
    /// client unusable, and the receiver starts a new one.
    /// </summary>
    public static void Error(ILogger logger, string client, Error error)
    {
        if (error.IsFatal)
        {
            FatalError(logger, client, error.Code, error.Reason);
        }
        else
        {
            TransientError(logger, client, error.Code, error.Reason);
        }
    }

    [LoggerMessage(Message = "librdkafka {Client} [{Facility}]: {Text}")]
    private static partial void LibrdkafkaLine(ILogger logger, LogLevel level, string client, string facility, string text);

    [LoggerMessage(Level = LogLevel.Error, Message = "Kafka client {Client} failed for good ({Code}): {Reason}")]
    private static partial void FatalError(ILogger logger, string client, ErrorCode code, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Kafka client {Client} error ({Code}), retrying: {Reason}")]
    private static partial void TransientError(ILogger logger, string client, ErrorCode code, string reason);
}
