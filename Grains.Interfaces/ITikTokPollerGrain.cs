namespace Insights;

using Orleans.Concurrency;

/// <summary>
/// The cluster's one TikTok Research API poller (key <see cref="GlobalKey"/>): one poller and one daily request budget
/// however many silos and API replicas run, its cursors, last polls and budget in grain state. Kept active by its own
/// poll timer and brought back by a reminder after its silo is gone.
/// </summary>
[Alias("insights.ITikTokPollerGrain")]
public interface ITikTokPollerGrain : IGrainWithStringKey
{
    const string GlobalKey = "global";

    /// <summary>Registers the wake-up reminder and starts polling, or removes the reminder when the source is disabled. Each silo calls it at start.</summary>
    [Alias("EnsureScheduled")]
    Task EnsureScheduled();

    /// <summary>Where the poller stands, for operators and tests.</summary>
    [Alias("GetStatus"), AlwaysInterleave]
    Task<TikTokPollerStatus> GetStatus();
}

/// <summary>What <see cref="ITikTokPollerGrain.GetStatus"/> answers.</summary>
[GenerateSerializer, Immutable, Alias("insights.TikTokPollerStatus")]
public sealed record TikTokPollerStatus
{
    [Id(0)] public bool Enabled { get; init; }
    /// <summary>Polls completed by this activation.</summary>
    [Id(1)] public int Polls { get; init; }
    /// <summary>When the next poll is due, if one is scheduled.</summary>
    [Id(2)] public DateTimeOffset? NextPollAt { get; init; }
    /// <summary>Requests left in today's budget (the bucket refills continuously over a day).</summary>
    [Id(3)] public double RequestsLeftToday { get; init; }
    /// <summary>Videos whose comment cursors the state holds.</summary>
    [Id(4)] public int VideosTracked { get; init; }
}
