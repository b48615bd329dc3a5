namespace Insights.Sources.TikTok;

using System.Diagnostics;
using Insights.Sources.Delivery;
using Insights.Sources.RateLimiting;
using Insights.Wire;
using Microsoft.Extensions.Logging;

/// <summary>
/// Polls TikTok's Research API for the configured creators, hashtag queries and videos, and sends what it finds to the
/// sink as Insights' wire events: per video a <c>video</c> event and an <c>engagement</c> event (counters observed at
/// the poll), per new comment a <c>comment</c> event.
/// </summary>
/// <remarks>
/// <para>Each query is polled every <c>PollInterval</c> over the creation dates of its lookback, page by page
/// (<c>cursor</c>, <c>has_more</c>, <c>search_id</c>); the comments of each video listed are read right after its page,
/// from the comment cursor where the last poll stopped, up to <c>MaxCommentsPerVideo</c>.</para>
/// <para>The state (<see cref="ITikTokStateStore"/>) is saved after every page once the sink has answered for it, so a
/// restart resumes where the last delivered page ended: a comment already delivered is not sent again and none is skipped. A poll that failed on
/// a transient error (outage, 5xx, 429, malformed page, events still answered "retry") is tried again after
/// <c>FailedPollRetryInterval</c>; a failure of one video's comments never stops the other videos.</para>
/// <para>It polls when asked (<see cref="PollOnceAsync"/>); whoever hosts it schedules the next poll at the time that
/// returns. In a cluster that is the one <c>TikTokPollerGrain</c>, so there is one poller and one budget.</para>
/// </remarks>
public sealed partial class TikTokSource : IDisposable
{
    private readonly TikTokSourceOptions _options;
    private readonly SourceMetrics _metrics;
    private readonly TimeProvider _clock;
    private readonly ILogger _logger;
    private readonly RequestBudget _budget;
    private readonly TikTokResearchClient _client;
    private readonly EventDelivery _delivery;
    private readonly ITikTokStateStore _store;
    private readonly IReadOnlyList<TikTokQuery> _queries;
    private readonly HashSet<string> _configuredVideos;
    private readonly SemaphoreSlim _pollLock = new(1, 1);
    private TikTokState _state = new();
    private bool _loaded;

    public TikTokSource(TikTokSourceOptions options, IEventSink sink, ITikTokStateStore store, SourceMetrics metrics, TimeProvider clock,
        ILoggerFactory loggerFactory, HttpClient http)
    {
        var problems = options.Validate(evenIfDisabled: true);
        if (problems.Count > 0)
        {
            throw new ArgumentException("Invalid TikTok source configuration: " + string.Join("; ", problems), nameof(options));
        }

        _options = options;
        _metrics = metrics;
        _clock = clock;
        _logger = loggerFactory.CreateLogger<TikTokSource>();
        _budget = new RequestBudget(options.RequestsPerMinute, options.RequestsPerDay, clock)
        {
            OnThrottled = limit => metrics.Throttled(Name, limit),
        };
        _client = new TikTokResearchClient(http, options, _budget, metrics, clock, loggerFactory.CreateLogger<TikTokResearchClient>());
        _delivery = new EventDelivery(sink, new DeliveryOptions
        {
            MaxAttempts = options.MaxDeliveryAttempts,
            InitialBackoff = options.DeliveryInitialBackoff,
            MaxBackoff = options.DeliveryMaxBackoff,
        }, metrics, Name, clock, loggerFactory.CreateLogger<EventDelivery>());
        _store = store;
        _queries = TikTokQuery.From(options);
        _configuredVideos = _queries.Where(q => q.FieldName == "video_id")
            .SelectMany(q => q.Values).ToHashSet(StringComparer.Ordinal);
    }

    public string Name => TikTokResearchClient.Source;

    public IReadOnlyList<TikTokQuery> Queries => _queries;

    /// <summary>The state as it stands (saved after every page; loaded by the first poll); for tests and diagnostics.</summary>
    public TikTokState State => _state;

    public RequestBudget Budget => _budget;

    public TikTokResearchClient Client => _client;

    /// <summary>Polls every query that is due (and the comments of the videos it lists); returns when the next one is due.</summary>
    public async Task<DateTimeOffset> PollOnceAsync(CancellationToken cancellationToken)
    {
        await _pollLock.WaitAsync(cancellationToken);
        try
        {
            await LoadOnceAsync(cancellationToken);
            var now = _clock.GetUtcNow();
            foreach (var query in _queries)
            {
                var state = QueryStateOf(query.Key);
                if (DueAt(state) <= now)
                {
                    await PollQueryAsync(query, state, cancellationToken);
                }
            }

            Prune(_clock.GetUtcNow());
            await SaveAsync();
            return _queries.Count == 0 ? now + _options.PollInterval : _queries.Min(q => DueAt(QueryStateOf(q.Key)));
        }
        finally
        {
            _pollLock.Release();
        }
    }

    private DateTimeOffset DueAt(QueryState state)
    {
        if (state.LastAttemptAt is { } attempt && (state.LastPollAt is not { } ok || attempt > ok))
        {
            var retry = _options.FailedPollRetryInterval < _options.PollInterval ? _options.FailedPollRetryInterval : _options.PollInterval;
            return attempt + retry;
        }

        return state.LastPollAt is { } last ? last + _options.PollInterval : DateTimeOffset.MinValue;
    }

    private async Task PollQueryAsync(TikTokQuery query, QueryState state, CancellationToken cancellationToken)
    {
        var started = _clock.GetUtcNow();
        var stopwatch = Stopwatch.StartNew();
        state.LastAttemptAt = started;
        var windows = query.Windows(DateOnly.FromDateTime(started.UtcDateTime), _options.LookbackDays, state);
        var tally = new PollTally();
        var complete = true;
        try
        {
            foreach (var (start, end) in windows)
            {
                complete &= await PollWindowAsync(query, new VideoQuery(query.FieldName, query.Values, start, end), tally, cancellationToken);
                if (query.CreatedOn is null && (state.CompletedThrough is not { } through || end > through))
                {
                    state.CompletedThrough = end;
                }

                await SaveAsync();
            }
        }
        catch (ResearchApiException ex)
        {
            complete = false;
            LogQueryFailed(query.Key, ex.Message);
        }
        catch (Exception ex) when (ex is EventDeliveryException or EventSinkException)
        {
            complete = false;
            if (ex is EventSinkException)
            {
                _metrics.Failure(Name, "delivery", "refused");
            }

            LogQueryDeliveryFailed(query.Key, ex.Message);
        }

        if (complete)
        {
            state.LastPollAt = started;
            state.LastWindowStart = windows[0].Start;
            state.LastWindowEnd = windows[^1].End;
        }

        await SaveAsync();
        LogQueryPolled(query.Key, complete, tally.Videos, tally.Comments, tally.FailedVideos, stopwatch.Elapsed);
    }

    /// <summary>Reads every page of one window; false when the comments of a video failed on a transient error.</summary>
    private async Task<bool> PollWindowAsync(TikTokQuery query, VideoQuery videoQuery, PollTally tally, CancellationToken cancellationToken)
    {
        var allComments = true;
        long cursor = 0;
        string? searchId = null;
        while (true)
        {
            var page = await _client.QueryVideosAsync(videoQuery, cursor, searchId, _options.PageSize, query.Key, cancellationToken);
            var events = new List<WireEvent>(page.Videos.Count * 2);
            var listed = new List<string>(page.Videos.Count);
            foreach (var video in page.Videos)
            {
                var (published, engagement) = TikTokEventMapper.FromVideo(video, page.ReceivedAt);
                if (published is not null)
                {
                    events.Add(published);
                }

                if (engagement is not null)
                {
                    events.Add(engagement);
                }

                if (video.Id is not { } id || !Ids.IsValid(id))
                {
                    LogUnusableVideo(query.Key, video.Id);
                }
                else if (!listed.Contains(id))
                {
                    listed.Add(id);
                    var state = VideoStateOf(id);
                    state.LastSeenAt = page.ReceivedAt;
                    state.CreateTime = video.CreateTime ?? state.CreateTime;
                }
            }

            if (events.Count > 0)
            {
                await _delivery.DeliverAsync(events, cancellationToken);
            }

            await SaveAsync();
            tally.Videos += listed.Count;
            foreach (var id in listed)
            {
                if (!await PollCommentsAsync(id, tally, cancellationToken))
                {
                    allComments = false;
                }
            }

            if (!page.HasMore)
            {
                return allComments;
            }

            cursor = page.Cursor;
            searchId = page.SearchId;
        }
    }

    /// <summary>
    /// Reads the comments of one video from its saved cursor; errors stay with this video. False on a transient
    /// failure (the query is then tried again soon), true otherwise.
    /// </summary>
    private async Task<bool> PollCommentsAsync(string videoId, PollTally tally, CancellationToken cancellationToken)
    {
        var max = _options.MaxCommentsPerVideo;
        if (max == 0)
        {
            return true;
        }

        var state = VideoStateOf(videoId);
        var now = _clock.GetUtcNow();
        if (state.LastCommentPollAt is { } last && now - last < _options.PollInterval / 2)
        {
            return true; // read moments ago (listed by another query of this poll, or just before a restart)
        }

        try
        {
            while (state.CommentCursor < max)
            {
                var count = (int)Math.Min(_options.PageSize, max - state.CommentCursor);
                var page = await _client.ListCommentsAsync(videoId, state.CommentCursor, count, cancellationToken);
                var fresh = page.Comments.Take((int)(max - state.CommentCursor)).Where(c => !AlreadyDelivered(state, c)).ToList();
                if (fresh.Count > 0)
                {
                    await _delivery.DeliverAsync(fresh.Select(c => TikTokEventMapper.FromComment(c, videoId)).ToList(), cancellationToken);
                    tally.Comments += fresh.Count;
                }

                foreach (var comment in fresh)
                {
                    Remember(state, comment);
                }

                state.CommentCursor = Math.Min(page.Cursor, max);
                await SaveAsync();
                if (!page.HasMore)
                {
                    break;
                }
            }

            state.LastCommentPollAt = now;
            return true;
        }
        catch (ResearchApiException ex)
        {
            tally.FailedVideos++;
            LogCommentsFailed(videoId, state.CommentCursor, ex.Message);
            return !ex.Transient;
        }
        catch (EventDeliveryException ex)
        {
            tally.FailedVideos++;
            LogCommentsDeliveryFailed(videoId, state.CommentCursor, ex.Message);
            return false;
        }
        catch (EventSinkException ex)
        {
            tally.FailedVideos++;
            _metrics.Failure(Name, "delivery", "refused");
            LogCommentsDeliveryFailed(videoId, state.CommentCursor, ex.Message);
            return false;
        }
    }

    /// <summary>
    /// True for a comment known to be delivered already: created in the newest second delivered, with an id delivered
    /// then (what a page boundary shifted by a comment or two re-serves). Never true for a comment not delivered.
    /// </summary>
    private static bool AlreadyDelivered(VideoState state, ResearchComment comment) =>
        comment.Id is { } id && comment.CreateTime is { } time && time == state.NewestCommentTime &&
        state.NewestCommentIds.Contains(id);

    private static void Remember(VideoState state, ResearchComment comment)
    {
        if (comment is not { Id: { } id, CreateTime: { } time })
        {
            return;
        }

        if (state.NewestCommentTime is not { } newest || time > newest)
        {
            state.NewestCommentTime = time;
            state.NewestCommentIds = [id];
        }
        else if (time == newest && !state.NewestCommentIds.Contains(id) && state.NewestCommentIds.Count < 1000)
        {
            state.NewestCommentIds.Add(id);
        }
    }

    private QueryState QueryStateOf(string key)
    {
        if (!_state.Queries.TryGetValue(key, out var state))
        {
            _state.Queries[key] = state = new QueryState();
        }

        return state;
    }

    private VideoState VideoStateOf(string videoId)
    {
        if (!_state.Videos.TryGetValue(videoId, out var state))
        {
            _state.Videos[videoId] = state = new VideoState();
        }

        return state;
    }

    /// <summary>Forgets queries no longer configured and videos no query has listed for longer than the lookback.</summary>
    private void Prune(DateTimeOffset now)
    {
        foreach (var key in _state.Queries.Keys.Where(k => _queries.All(q => q.Key != k)).ToList())
        {
            _state.Queries.Remove(key);
        }

        var horizon = now - TimeSpan.FromDays(_options.LookbackDays + 2);
        foreach (var (id, video) in _state.Videos.Where(p => p.Value.LastSeenAt < horizon && !_configuredVideos.Contains(p.Key)).ToList())
        {
            _state.Videos.Remove(id);
        }
    }

    private async Task LoadOnceAsync(CancellationToken cancellationToken)
    {
        if (_loaded)
        {
            return;
        }

        _state = await _store.LoadAsync(cancellationToken);
        if (_state.Budget is { } saved)
        {
            _budget.RestoreDay(saved.DayTokens, saved.At);
        }

        _loaded = true;
        LogStarting(_queries.Count, _options.PollInterval);
    }

    /// <summary>Not cancelled with the poll: what was delivered must be remembered even while the host stops.</summary>
    private Task SaveAsync()
    {
        var (tokens, at) = _budget.DaySnapshot();
        _state.Budget = new BudgetState { DayTokens = tokens, At = at };
        return _store.SaveAsync(_state, CancellationToken.None);
    }

    public void Dispose()
    {
        _pollLock.Dispose();
    }

    private sealed class PollTally
    {
        public int Videos;
        public int Comments;
        public int FailedVideos;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "TikTok source polling {Queries} queries every {PollInterval}")]
    private partial void LogStarting(int queries, TimeSpan pollInterval);

    [LoggerMessage(Level = LogLevel.Information, Message = "TikTok query {Query} polled (complete: {Complete}): {Videos} videos, {Comments} new comments, {FailedVideos} videos failed, in {Elapsed}")]
    private partial void LogQueryPolled(string query, bool complete, int videos, int comments, int failedVideos, TimeSpan elapsed);

    [LoggerMessage(Level = LogLevel.Warning, Message = "TikTok query {Query} failed; it is tried again later: {Reason}")]
    private partial void LogQueryFailed(string query, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Events of TikTok query {Query} could not be delivered; the page is read again later: {Reason}")]
    private partial void LogQueryDeliveryFailed(string query, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "TikTok query {Query} listed a video without a usable id ({VideoId}); its comments are not read")]
    private partial void LogUnusableVideo(string query, string? videoId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Comments of video {VideoId} failed at cursor {Cursor}; the other videos go on and this one is read again later: {Reason}")]
    private partial void LogCommentsFailed(string videoId, long cursor, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Comments of video {VideoId} at cursor {Cursor} could not be delivered; they are read again later: {Reason}")]
    private partial void LogCommentsDeliveryFailed(string videoId, long cursor, string reason);
}
