namespace Insights.Streaming.AzureQueues;

using System.Globalization;

/// <summary>
/// The Azure queues of the provider: <c>{prefix}-{n}</c>, n from 0. Orleans' provider builds its hash ring from this
/// list, so producer and silo agree as long as they have the same prefix and count.
/// </summary>
internal static class AzureQueueNames
{
    /// <summary>Most queues whose index fits in the room <see cref="AzureQueueStreamOptions.MaxQueuePrefixLength"/> leaves.</summary>
    public const int MaxQueues = 999_999;

    /// <summary>The key of the count, shared with the other providers (Insights.ClusterHosting binds it).</summary>
    private const string QueuesKey = "Insights:Streams:Queues";

    public static List<string> All(string prefix, int count) => [.. Enumerable.Range(0, count).Select(i => For(prefix, i))];

    public static string For(string prefix, int index) => prefix + "-" + index.ToString(CultureInfo.InvariantCulture);

    public static void ValidateCount(int queues)
    {
        if (queues is < 1 or > MaxQueues)
        {
            throw new InvalidOperationException(
                $"{QueuesKey} {queues} must be between 1 and {MaxQueues}.");
        }
    }
}
