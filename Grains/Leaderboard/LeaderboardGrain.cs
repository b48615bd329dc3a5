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

    private async Task FlushAsync(CancellationToken cancellationToken)
    {
        var horizon = clock.GetUtcNow() - TimeSpan.FromDays(1);
        foreach (var (id, summary) in state.State.Videos)
        {
            if (summary.LastEventTime is null || summary.LastEventTime < horizon)
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
}

[GenerateSerializer]
public sealed class LeaderboardState
{
    [Id(0)] public Dictionary<string, VideoSummary> Videos { get; set; } = new(StringComparer.Ordinal);
}
