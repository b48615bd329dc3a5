namespace Insights.Grains.Videos;

using Insights.Creators;
using Insights.Events;
using Insights.Grains.Domain;
using Insights.Lake.Zones;
using Insights.Sentiment;
using Insights.Series;
using Insights.Stats;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Storage;
using Orleans.Streams;
using Orleans.Streams.Core;

/// <summary>
/// One video: consumes its stream in batches, folds events into <see cref="VideoAggregate"/>, and writes state
/// behind on a timer and on deactivation rather than per event; or, on a durable stream, before each batch is
/// acknowledged (<see cref="VideoOptions.PersistEveryBatch"/>), so a redelivery after a crash finds the comments it
/// already counted in the persisted de-duplication set.
/// </summary>
[ImplicitStreamSubscription(StreamNames.VideoNamespace)]
public sealed partial class VideoGrain : Grain, IVideoGrain, IStreamSubscriptionObserver, IAsyncBatchObserver<VideoStreamEvent>, ICommentIdArchive
{
    private readonly IPersistentState<VideoState> _state;
    private readonly ISentimentAnalyzer _analyzer;
    private readonly ProcessedZoneWriter _processed;
    private readonly QuarantineWriter _quarantine;
    private readonly VideoOptions _options;
    private readonly TimeProvider _clock;
    private readonly ILogger<VideoGrain> _logger;
    private static readonly SentimentResult Unscored = new(SentimentLabel.Neutral, 0, 0, 1, 0, "unscored");
    private VideoAggregate _aggregate = null!;
    private long _persistedVersion;
    private long _snapshotVersion;
    private long _reportedVersion;
    private DateTimeOffset _reportedAt;

    public VideoGrain(
        [PersistentState("video", StorageNames.Grains)] IPersistentState<VideoState> state,
        ISentimentAnalyzer analyzer,
        ProcessedZoneWriter processed,
        QuarantineWriter quarantine,
        IOptions<VideoOptions> options,
        TimeProvider clock,
        ILogger<VideoGrain> logger)
    {
        _state = state;
        _analyzer = analyzer;
        _processed = processed;
        _quarantine = quarantine;
        _options = options.Value;
        _clock = clock;
        _logger = logger;
    }

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        VideoMetrics.Activated();
        _aggregate = new VideoAggregate(this.GetPrimaryKeyString(), _state.State, _options);
        if (_aggregate.CommentIds.NeedsLegacyMigration)
        {
            // State from before the archive: its ring goes to the legacy segment before any comment is claimed.
            await _aggregate.CommentIds.MigrateLegacyAsync(this);
        }

        _persistedVersion = _snapshotVersion = _reportedVersion = _aggregate.Version;
        // A static callback with the grain as its state: a method group would cost each activation a delegate.
        this.RegisterGrainTimer(static (grain, cancellationToken) => grain.FlushAsync(cancellationToken), this, new GrainTimerCreationOptions(_options.FlushInterval, _options.FlushInterval)
        {
            KeepAlive = false,
        });
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        VideoMetrics.Deactivated();
        await FlushAsync(cancellationToken);
    }

    public Task<VideoStats?> GetStats() =>
        Task.FromResult(_aggregate.Exists ? _aggregate.ToStats(_clock.GetUtcNow()) : null);

    public Task<VideoSeries?> GetSeries(string window) =>
        Task.FromResult(_aggregate.Exists ? _aggregate.ToSeries(window, _clock.GetUtcNow()) : null);

    public async Task OnSubscribed(IStreamSubscriptionHandleFactory handleFactory)
    {
        var handle = handleFactory.Create<VideoStreamEvent>();
        await handle.ResumeAsync(this);
    }

    public async Task OnNextAsync(IList<SequentialItem<VideoStreamEvent>> items)
    {
        var now = _clock.GetUtcNow();
        VideoMetrics.Delivered(items, now);
        List<CommentPosted>? comments = null;
        await _aggregate.PrepareClaimsAsync(items.Select(i => i.Item), this);
        foreach (var item in items)
        {
            try
            {
                switch (item.Item)
                {
                    case CommentPosted comment when _aggregate.TryClaim(comment):
                        (comments ??= []).Add(comment);
                        break;
                    case EngagementObserved observation:
                        _aggregate.ApplyEngagement(observation, now);
                        break;
                    case VideoPublished video:
                        _aggregate.ApplyVideo(video);
                        GrainFactory.GetGrain<IDimensionsGrain>(IDimensionsGrain.GlobalKey).ReportVideo(_aggregate.VideoId, _aggregate.Video!).Ignore();
                        break;
                }
            }
            catch (Exception ex)
            {
                // A poison event must not stall the stream or kill the grain: it goes to quarantine with the reason.
                LogEventFailed(_aggregate.VideoId, item.Item?.GetType().Name, ex);
                if (item.Item is { } poison)
                {
                    await _quarantine.AddAsync(LakeRows.Poison(poison, ex, now));
                }
            }
        }

        if (comments is not null)
        {
            await ApplyCommentsAsync(comments, now);
        }

        // Also when too many comment ids wait to be archived: they leave heap only once the state counting them is
        // written, which write-behind otherwise leaves to the flush timer.
        if (_options.PersistEveryBatch || _aggregate.CommentIds.Pending >= _options.MaxPendingCommentIds)
        {
            await PersistBeforeAcknowledgingAsync();
        }

        _aggregate.CommentIds.ReleaseLoaded();
    }

    private async Task ApplyCommentsAsync(List<CommentPosted> comments, DateTimeOffset now)
    {

        var texts = new string[comments.Count];
        for (var i = 0; i < texts.Length; i++)
        {
            texts[i] = comments[i].Text;
        }

        IReadOnlyList<SentimentResult> scores;
        try
        {
            scores = await _analyzer.AnalyzeAsync(texts);
        }
        catch (Exception ex)
        {
            // The comments are claimed already; a redelivery would see them as duplicates. Count them unscored
            // rather than lose them.
            LogScoringFailed(_aggregate.VideoId, comments.Count, _analyzer.Name, ex);
            scores = Enumerable.Repeat(Unscored, comments.Count).ToArray();
        }

        var rows = new List<Lake.Records.CommentRow>(comments.Count);
        for (var i = 0; i < comments.Count; i++)
        {
            _aggregate.ApplyComment(comments[i], scores[i], now);
            rows.Add(LakeRows.Comment(comments[i], scores[i]));
        }

        // Waits while the lake's buffer is full, which holds back this stream: back-pressure, not loss.
        await _processed.AddCommentsAsync(rows);
    }

    /// <summary>
    /// Throws when the write fails, so the pulling agent redelivers the batch instead of acknowledging it; the
    /// redelivered comments are duplicates by then and count once.
    /// </summary>
    private async Task PersistBeforeAcknowledgingAsync()
    {
        var version = _aggregate.Version;
        if (version == _persistedVersion)
        {
            return;
        }

        try
        {
            await WriteStateAsync(CancellationToken.None);
        }
        catch (InconsistentStateException ex)
        {
            // Another activation wrote since this one read (a silo declared dead was still running): this copy is
            // stale. Drop it so the redelivery reaches an activation that reads the current state.
            LogStaleActivation(_aggregate.VideoId, ex);
            DeactivateOnIdle();
            throw;
        }
    }

    public Task OnCompletedAsync() => Task.CompletedTask;

    public Task OnErrorAsync(Exception ex)
    {
        LogStreamError(_aggregate.VideoId, ex);
        return Task.CompletedTask;
    }

    private async Task FlushAsync(CancellationToken cancellationToken)
    {
        var version = _aggregate.Version;
        if (version != _snapshotVersion)
        {
            try
            {
                if (version != _persistedVersion)
                {
                    await WriteStateAsync(cancellationToken);
                }

                var now = _clock.GetUtcNow();
                await _processed.AddSnapshotAsync(LakeRows.Snapshot(_aggregate.ToStats(now), version, now), cancellationToken);
                _snapshotVersion = version;
            }
            catch (Exception ex)
            {
                // Stays dirty: the next tick or the deactivation retries the write.
                LogFlushFailed(_aggregate.VideoId, ex);
            }
        }

        await ReportAsync();
        await CheckAlertsAsync();
    }

    /// <summary>
    /// Writes the state, then moves the comment ids it holds as pending into their archive segments: only now may a
    /// segment hold them, since the state written counts their comments (<see cref="CommentIdSet"/>).
    /// </summary>
    private async Task WriteStateAsync(CancellationToken cancellationToken)
    {
        var version = _aggregate.Version;
        await _state.WriteStateAsync(cancellationToken);
        _persistedVersion = version;
        // Write-through writes every batch: merging each time would rewrite the hour's segment every batch, so the
        // ids wait (in the state just written) until enough of them do.
        if (_aggregate.CommentIds.MergeDue || (!_options.PersistEveryBatch && _aggregate.CommentIds.Pending > 0))
        {
            await _aggregate.CommentIds.MergePendingAsync(this);
        }
    }

    private Task ReportAsync()
    {
        var now = _clock.GetUtcNow();
        var changed = _aggregate.Version != _reportedVersion;
        // Windows decay as time passes, so an active video reports now and then even without news.
        var decaying = _aggregate.LastEventTime > now - TimeSpan.FromDays(1) && now - _reportedAt > TimeSpan.FromMinutes(1);
        if (!_aggregate.Exists || !(changed || decaying))
        {
            return Task.CompletedTask;
        }

        _reportedVersion = _aggregate.Version;
        _reportedAt = now;
        var summary = _aggregate.ToSummary(now);
        if (_aggregate.Video is { } video && CreatorNames.IsValid(video.Username))
        {
            GrainFactory.GetGrain<ICreatorGrain>(video.Username).Report(summary, video).Ignore();
        }

        return GrainFactory.GetGrain<ILeaderboardGrain>(ILeaderboardGrain.GlobalKey).Report(summary);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Video {VideoId}: skipped an event of type {EventType} that failed to apply")]
    private partial void LogEventFailed(string videoId, string? eventType, Exception ex);

    [LoggerMessage(Level = LogLevel.Error, Message = "Video {VideoId}: scoring {Count} comments with {Analyzer} failed; counted as unscored")]
    private partial void LogScoringFailed(string videoId, int count, string analyzer, Exception ex);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Video {VideoId}: stream reported an error")]
    private partial void LogStreamError(string videoId, Exception ex);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Video {VideoId}: state changed under this activation; deactivating so the batch is redelivered to a fresh one")]
    private partial void LogStaleActivation(string videoId, Exception ex);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Video {VideoId}: writing state failed; will retry")]
    private partial void LogFlushFailed(string videoId, Exception ex);
}
