namespace Insights.Grains.Domain;

using Insights.Events;
using Insights.Leaderboard;
using Insights.Sentiment;
using Insights.Series;
using Insights.Stats;

/// <summary>
/// The rules of one video's live state, over a <see cref="VideoState"/> that the grain persists.
/// Plain code: no Orleans, no clock of its own (callers pass "now"), so it is tested without a cluster.
/// </summary>
public sealed class VideoAggregate : TermExtractor.ITermSink
{
    private readonly VideoState _state;
    private readonly VideoOptions _options;

    public VideoAggregate(string videoId, VideoState state, VideoOptions options)
    {
        VideoId = videoId;
        _state = state;
        _options = options;
        if (_state.Windows.Count != WindowSpec.Standard.Count)
        {
            _state.Windows = WindowSpec.Standard.Select(spec => new RollingWindow(spec)).ToList();
        }

        _state.Recent ??= new RecentCommentList(options.RecentComments);
        _state.Recent.Configure(options.RecentComments);
        _state.Terms ??= new TermCounter(options.TermCapacity, options.TopTerms);
        _state.Terms.Configure(options.TermCapacity, options.TopTerms);
        // Created by the first hashtag: most comments carry none.
        _state.Hashtags?.Configure(options.TermCapacity, options.TopTerms);
        _state.SeenComments ??= new CommentIdSet(options.DedupCapacity);
        _state.SeenComments.Capacity = options.DedupCapacity;
        // Comments counted into an old ring were ingested by UpdatedAt and created at most the ingest's future skew
        // (minutes) after: an hour past it covers them.
        _state.SeenComments.StartLegacyMigration(_state.UpdatedAt + TimeSpan.FromHours(1));
    }

    public string VideoId { get; }

    /// <summary>Whether any event ever reached this video.</summary>
    public bool Exists => _state.Version > 0;

    public long Version => _state.Version;

    public DateTimeOffset? LastEventTime => _state.LastEventTime;

    public VideoInfo? Video => _state.Video;

    /// <summary>The comment ids counted so far, partly archived outside the state (see <see cref="CommentIdSet"/>).</summary>
    public CommentIdSet CommentIds => _state.SeenComments!;

    /// <summary>Loads what <see cref="TryClaim"/> needs from the archive for the comments of a batch.</summary>
    public Task PrepareClaimsAsync(IEnumerable<VideoStreamEvent> events, ICommentIdArchive archive) =>
        CommentIds.PrepareAsync(events.OfType<CommentPosted>().Where(c => c.CommentId is not null).Select(c => (c.CommentId, c.CreateTime)), archive);

    /// <summary>
    /// Claims a comment for counting. False for a comment id counted before, which is then only tallied as a
    /// duplicate. Call before scoring so duplicates cost no sentiment work.
    /// </summary>
    public bool TryClaim(CommentPosted comment)
    {
        // Fail here, inside the grain's per-event guard and before the id is claimed, on what could not be applied
        // later: by then the comment would be half counted and its neighbours in the batch not at all.
        ArgumentNullException.ThrowIfNull(comment.CommentId);
        ArgumentNullException.ThrowIfNull(comment.Text);
        ArgumentNullException.ThrowIfNull(comment.Username);
        if (_state.SeenComments!.Add(comment.CommentId, comment.CreateTime))
        {
            return true;
        }

        _state.DuplicateComments++;
        Touch(comment.IngestedAt, null);
        return false;
    }

    /// <summary>Counts a claimed comment with its score.</summary>
    public void ApplyComment(CommentPosted comment, SentimentResult sentiment, DateTimeOffset now)
    {
        _state.Comments++;
        _state.Sentiment.Add(sentiment);
        var late = false;
        foreach (var window in _state.Windows)
        {
            late |= !window.AddComment(comment.CreateTime, now, sentiment);
        }

        if (late)
        {
            _state.LateEvents++;
        }

        _state.Recent!.Offer(new RecentComment
        {
            CommentId = comment.CommentId,
            Username = comment.Username,
            Text = comment.Text,
            CreateTime = comment.CreateTime,
            Label = sentiment.Label,
            Score = Math.Round(sentiment.Score, 4),
            Analyzer = sentiment.Analyzer,
            Language = sentiment.Language,
        });
        TermExtractor.Extract(comment.Text, this);
        Touch(comment.IngestedAt, comment.CreateTime);
    }

    public void ApplyEngagement(EngagementObserved observation, DateTimeOffset now)
    {
        ref var counters = ref _state.Engagement;
        var (views, likes, shares) = counters.Raise(observation.ViewCount, observation.LikeCount, observation.ShareCount);
        if (!counters.HasBaseline)
        {
            // The first observation of a video seen mid-life carries its whole history: it sets the baseline for
            // windows, which count only growth between observations.
            counters.HasBaseline = true;
        }
        else if (views == 0 && likes == 0 && shares == 0)
        {
            _state.StaleObservations++;
        }
        else
        {
            var late = false;
            foreach (var window in _state.Windows)
            {
                late |= !window.AddEngagement(observation.ObservedAt, now, views, likes, shares);
            }

            if (late)
            {
                _state.LateEvents++;
            }
        }

        Touch(observation.IngestedAt, observation.ObservedAt);
    }

    public void ApplyVideo(VideoPublished video)
    {
        // Null here would only fail later, in the dimension tables and the lake rows, far from the event.
        ArgumentNullException.ThrowIfNull(video.Username);
        ArgumentNullException.ThrowIfNull(video.HashtagNames);
        _state.Video = new VideoInfo
        {
            Username = video.Username,
            CreateTime = video.CreateTime,
            RegionCode = video.RegionCode,
            Description = video.VideoDescription,
            Hashtags = video.HashtagNames,
            MusicId = video.MusicId,
            DurationSeconds = video.DurationSeconds,
        };
        Touch(video.IngestedAt, null);
    }

    public VideoStats ToStats(DateTimeOffset now)
    {
        var totals = Totals();
        return new VideoStats
        {
            VideoId = VideoId,
            Video = _state.Video,
            Totals = totals,
            EngagementRate = EngagementMath.Rate(totals.Likes, totals.Comments, totals.Shares, totals.Views),
            Sentiment = _state.Sentiment.ToSummary(),
            Windows = Windows(now),
            RecentComments = _state.Recent!.Items.ToList(),
            TopTerms = _state.Terms!.Top(_options.TopTerms),
            TopHashtags = _state.Hashtags?.Top(_options.TopTerms) ?? [],
            UpdatedAt = _state.UpdatedAt,
            LastEventTime = _state.LastEventTime,
            Ingest = new IngestCounters
            {
                DuplicateComments = _state.DuplicateComments,
                StaleObservations = _state.StaleObservations,
                LateEvents = _state.LateEvents,
            },
        };
    }

    public VideoSummary ToSummary(DateTimeOffset now)
    {
        var totals = Totals();
        var sentiment = _state.Sentiment.ToSummary();
        return new VideoSummary
        {
            VideoId = VideoId,
            Username = _state.Video?.Username,
            Totals = totals,
            EngagementRate = EngagementMath.Rate(totals.Likes, totals.Comments, totals.Shares, totals.Views),
            SentimentScore = sentiment.Score,
            LastEventTime = _state.LastEventTime,
            Windows = Windows(now),
            Description = Cut(_state.Video?.Description, VideoSummary.MaxDescriptionLength),
            Hashtags = _state.Video?.Hashtags ?? [],
            CommentHashtags = _state.Hashtags?.Top(SummaryCommentHashtags) ?? [],
            PublishedAt = _state.Video?.CreateTime,
            Sentiment = sentiment,
        };
    }

    /// <summary>Comment hashtags a summary carries to the leaderboard's trending list.</summary>
    private const int SummaryCommentHashtags = 5;

    private static string? Cut(string? text, int length)
    {
        if (text is null || text.Length <= length)
        {
            return text;
        }

        // Never split a surrogate pair: half an emoji is not text.
        var keep = char.IsHighSurrogate(text[length - 2]) ? length - 2 : length - 1;
        return text[..keep].TrimEnd() + "…";
    }

    /// <summary>Every bucket of the named rolling window (<see cref="WindowNames"/>), oldest first.</summary>
    public VideoSeries ToSeries(string window, DateTimeOffset now)
    {
        for (var i = 0; i < WindowSpec.Standard.Count; i++)
        {
            var spec = WindowSpec.Standard[i];
            if (spec.Name == window)
            {
                var buckets = _state.Windows[i].Series(now);
                return new VideoSeries
                {
                    Window = window,
                    Source = SeriesSources.Grain,
                    BucketSeconds = (int)spec.BucketWidth.TotalSeconds,
                    From = buckets[0].Start,
                    To = now,
                    Buckets = buckets,
                };
            }
        }

        throw new ArgumentOutOfRangeException(nameof(window), window, "A window is 5m, 1h or 24h.");
    }

    private Totals Totals() => new()
    {
        Views = _state.Engagement.Views,
        Likes = _state.Engagement.Likes,
        Shares = _state.Engagement.Shares,
        Comments = _state.Comments,
    };

    private Dictionary<string, WindowStats> Windows(DateTimeOffset now)
    {
        var windows = new Dictionary<string, WindowStats>(WindowSpec.Standard.Count);
        for (var i = 0; i < WindowSpec.Standard.Count; i++)
        {
            windows[WindowSpec.Standard[i].Name] = _state.Windows[i].Summarize(now);
        }

        return windows;
    }

    void TermExtractor.ITermSink.Add(ReadOnlySpan<char> term, bool isHashtag) =>
        (isHashtag ? _state.Hashtags ??= new TermCounter(_options.TermCapacity, _options.TopTerms) : _state.Terms!).Add(term);

    private void Touch(DateTimeOffset ingestedAt, DateTimeOffset? eventTime)
    {
        _state.Version++;
        if (ingestedAt > _state.UpdatedAt)
        {
            _state.UpdatedAt = ingestedAt;
        }

        if (eventTime is { } t && (_state.LastEventTime is null || t > _state.LastEventTime))
        {
            _state.LastEventTime = t;
        }
    }
}
