namespace Insights.Grains.Creators;

using Insights.Creators;
using Insights.Leaderboard;
using Insights.Stats;
using Microsoft.Extensions.Options;

/// <summary>
/// One creator: holds the latest report of each of its videos (<see cref="CreatorRollup"/>), fed one-way by the video
/// grains on each flush, and answers the creator's figures from them. State is written behind on a timer and on
/// deactivation, like the leaderboard's, so a restart keeps every video, quiet ones included.
/// </summary>
public sealed class CreatorGrain(
    [PersistentState("creator", StorageNames.Grains)] IPersistentState<CreatorState> state,
    IOptions<CreatorOptions> options,
    TimeProvider clock) : Grain, ICreatorGrain
{
    private readonly CreatorOptions _options = options.Value;
    private CreatorRollup _rollup = null!;
    private bool _dirty;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _rollup = new CreatorRollup(this.GetPrimaryKeyString(), state.State, _options);
        this.RegisterGrainTimer(FlushAsync, new GrainTimerCreationOptions(_options.FlushInterval, _options.FlushInterval));
        return Task.CompletedTask;
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) =>
        FlushAsync(cancellationToken);

    public Task Report(VideoSummary summary, VideoInfo video)
    {
        _dirty |= _rollup.Apply(summary, video);
        return Task.CompletedTask;
    }

    public Task<CreatorStats?> GetStats(CreatorVideoOrder by, int limit) =>
        Task.FromResult(_rollup.Exists ? _rollup.ToStats(clock.GetUtcNow(), by, limit) : null);

    private async Task FlushAsync(CancellationToken cancellationToken)
    {
        if (!_dirty)
        {
            return;
        }

        _dirty = false;
        try
        {
            await state.WriteStateAsync(cancellationToken);
        }
        catch
        {
            // Stays dirty: the next tick or the deactivation retries the write.
            _dirty = true;
            throw;
        }
    }
}
