namespace Insights.Streaming.AzureQueues;

/// <summary>How a provider's receivers space the reads of an idle queue (<see cref="QueueReadBackoff"/>), per provider name.</summary>
internal sealed record QueueReadPolicy(TimeSpan MaxIdlePollInterval);
