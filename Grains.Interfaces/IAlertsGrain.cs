namespace Insights;

using Insights.Alerts;
using Orleans.Concurrency;

/// <summary>
/// The cluster's alerts (one grain, key <see cref="GlobalKey"/>): video grains report the rules that hold for them;
/// it keeps one alert per video and rule per cool-down, the history, the webhook subscriptions and an outbox of
/// deliveries it retries with backoff, all in grain state.
/// </summary>
[Alias("insights.IAlertsGrain")]
public interface IAlertsGrain : IGrainWithStringKey
{
    const string GlobalKey = "global";

    /// <summary>Records the alerts not in their video and rule's cool-down and queues their deliveries; returns once persisted.</summary>
    [Alias("Fire")]
    Task Fire(IReadOnlyList<Alert> alerts);

    /// <summary>The newest alerts first, of one video or of all.</summary>
    [ReadOnly, Alias("Recent")]
    Task<IReadOnlyList<AlertRecord>> Recent(int limit, string? videoId);

    /// <summary>The rules with their thresholds, in words.</summary>
    [ReadOnly, Alias("DescribeRules")]
    Task<IReadOnlyList<string>> DescribeRules();

    [ReadOnly, Alias("Subscriptions")]
    Task<IReadOnlyList<AlertSubscription>> Subscriptions();

    /// <summary>Adds a webhook; throws <see cref="ArgumentException"/> on an invalid URL or when the limit is reached.</summary>
    [Alias("Subscribe")]
    Task<CreatedAlertSubscription> Subscribe(string url, string? description);

    /// <summary>Removes a webhook and its pending deliveries; false when there is none with that id.</summary>
    [Alias("Unsubscribe")]
    Task<bool> Unsubscribe(string id);

    /// <summary>Activates the grain so its outbox is sent again after a restart (the silos call it at start).</summary>
    [Alias("Wake")]
    Task Wake();
}
