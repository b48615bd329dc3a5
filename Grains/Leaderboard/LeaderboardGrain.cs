namespace Insights.Grains.Leaderboard;

using Insights.Leaderboard;
using Insights.Stats;
using Microsoft.Extensions.Options;

/// <summary>
/// Holds the latest summary of every video active in the last day, fed by video grains, and ranks them on demand.
/// State is written behind like the videos', so a restart keeps quiet videos ranked.
/// </summary>
public sealed class LeaderboardGrain(
    [PersistentState("leaderboard", StorageNames.Grains)] IPersistentState<LeaderboardState> state,
    IOptions<LeaderboardOptions> options,
    TimeProvider clock) : Grain, ILeaderboardGrain
{
    private readonly LeaderboardOptions _options = options.Value;
    private bool _dirty;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        this.RegisterGrainTimer(FlushAsync, new GrainTimerCreationOptions(_options.FlushInterval, _options.FlushInterval));
        return Task.CompletedTask;
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) =>
        FlushAsync(cancellationToken);

    public Task Report(VideoSummary summary)
    {
        state.State.Videos[summary.VideoId] = summary;
        _dirty = true;
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<LeaderboardEntry>> Top(LeaderboardMetric by, string window, int limit) =>
        Task.FromResult(LeaderboardRanking.Rank(state.State.Videos.Values, by, window, limit, clock.GetUtcNow(), _options));

    public Task<OverviewStats> Overview() =>
        Task.FromResult(LeaderboardOverview.Compute(state.State.Videos.Values, clock.GetUtcNow()));

    public Task<RankingRule> Rule(LeaderboardMetric by, string window) =>
        Task.FromResult(LeaderboardRanking.Rule(state.State.Videos.Values, by, window, clock.GetUtcNow(), _options));

    public Task<IReadOnlyList<TermCount>> TrendingHashtags(string window, int limit) =>
        Task.FromResult(LeaderboardHashtags.Trending(state.State.Videos.Values, window, clock.GetUtcNow(), Math.Clamp(limit, 1, _options.MaxLimit)));

    private async Task FlushAsync(CancellationToken cancellationToken)
    {
        var horizon = clock.GetUtcNow() - TimeSpan.FromDays(1);
        foreach (var (id, summary) in state.State.Videos)
        {
            // A video just published counts (for trending hashtags) before its first comment or observation.
            var active = Latest(summary.LastEventTime, summary.PublishedAt);
            if (active is null || active < horizon)
            {
                state.State.Videos.Remove(id);
                _dirty = true;
            }
        }

        if (_dirty)
        {
            _dirty = false;
            try
            {
                await state.WriteStateAsync(cancellationToken);
            }
            catch
            {
                _dirty = true;
                throw;
            }
        }
    }

    private static DateTimeOffset? Latest(DateTimeOffset? a, DateTimeOffset? b) => a is null || b > a ? b : a;
}

[GenerateSerializer]
public sealed class LeaderboardState
{
    [Id(0)] public Dictionary<string, VideoSummary> Videos { get; set; } = new(StringComparer.Ordinal);
}
