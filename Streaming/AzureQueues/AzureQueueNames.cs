namespace Insights.Streaming.AzureQueues;

using System.Globalization;
using Orleans.Streams;

/// <summary>
/// Which Azure queue backs which Orleans queue: <c>{prefix}-{n}</c> for the n-th queue of the hash ring. Producer and
/// silo build the same ring from the same count, so they agree without sharing anything else.
/// </summary>
internal static class AzureQueueNames
{
    /// <summary>Most queues whose index fits in the room <see cref="AzureQueueStreamOptions.MaxQueuePrefixLength"/> leaves.</summary>
    public const int MaxQueues = 999_999;

    public static string For(string prefix, QueueId queueId) => For(prefix, (int)queueId.GetNumericId());

    public static string For(string prefix, int index) => prefix + "-" + index.ToString(CultureInfo.InvariantCulture);

    public static void ValidateCount(int queues)
    {
        if (queues is < 1 or > MaxQueues)
        {
            throw new InvalidOperationException(
                $"{Insights.Configuration.InsightsStreamOptions.SectionName}:Queues {queues} must be between 1 and {MaxQueues}.");
        }
    }
}
